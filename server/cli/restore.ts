import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDirectory } from "../backup/backup-location";
import { configuredTarget, describeTarget } from "../backup/database-target";
import { PURGE_LIST_NAME } from "../backup/purge-list";
import { restoreBackup } from "../backup/restore-backup";
import { systemClock } from "../clock";

const USAGE =
  "Usage: npm run restore -- <backup file> [--purge-list <file>]…\n" +
  "Restores into DATABASE_URL, or the embedded database in DATA_DIR, which must be empty. The purge list\n" +
  `in BACKUP_DIR (default: DATA_DIR/backups/${PURGE_LIST_NAME}) is always read; --purge-list adds others.`;

let file: string;
let extraLists: string[];
try {
  const { values, positionals } = parseArgs({
    options: { "purge-list": { type: "string", multiple: true } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new Error("Name one backup file.");
  file = path.resolve(positionals[0]!);
  extraLists = (values["purge-list"] ?? []).map((list) => path.resolve(list));
  const missing = extraLists.filter((list) => !fs.existsSync(list));
  if (missing.length) throw new Error(`No purge list at ${missing.join(", ")}.`);
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const target = configuredTarget();
const purgeLists = [...new Set([path.join(backupDirectory(), PURGE_LIST_NAME), ...extraLists])];
const started = performance.now();
try {
  const report = await restoreBackup(file, target, { clock: systemClock, purgeLists });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { manifest, chains } = report;
  const lines = [
    `Restored ${path.basename(file)} (taken ${manifest.createdAt}) into ${describeTarget(target)} in ${seconds} s.`,
    `  Migrations: the backup was at ${manifest.migration.tag}, the database is now at ${report.migratedTo}.`,
    chains.problems.length
      ? `  Audit log: ${chains.problems.length} of ${chains.chains} chains do not match the backup:\n${chains.problems.map((p) => `    ${p}`).join("\n")}`
      : `  Audit log: all ${chains.chains} chains verified (${chains.events} events), each ending at the head the backup recorded.`,
    `  Purge lists read: ${purgeLists.join(", ")}.`,
    ...report.keyProblems.map((problem) => `  ${problem}`),
    report.purgedAgain.length
      ? `  Purged again, as the purge list says: ${report.purgedAgain.map((team) => `${team.name} (${team.teamId})`).join(", ")}.`
      : "  No team on the purge lists was left to purge.",
    ...report.unreadablePurgeListLines.map(
      ({ file: list, line }) => `  ${list}, line ${line} is not an entry (torn by a crash, or damaged): look at it.`,
    ),
  ];
  const failed = chains.problems.length > 0 || report.keyProblems.length > 0;
  (failed ? console.error : console.log)(lines.join("\n"));
  if (chains.problems.length)
    console.error("The restored database is left in place for inspection; do not start the console on it.");
  if (failed) process.exitCode = 1;
} catch (error) {
  console.error(`Not restored: ${(error as Error).message}`);
  process.exitCode = 1;
}
