import { parseArgs } from "node:util";
import { configuredTarget, describeTarget } from "../backup/database-target";
import { takeBackup } from "../backup/take-backup";
import { systemClock } from "../clock";

const USAGE =
  "Usage: npm run backup [-- --out <directory or file.tar>]\n" +
  "Backs up DATABASE_URL, or the embedded database in DATA_DIR, into BACKUP_DIR (default: DATA_DIR/backups).";

let out: string | undefined;
try {
  out = parseArgs({ options: { out: { type: "string" } } }).values.out;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const target = configuredTarget();
const started = performance.now();
try {
  const { file, bytes, manifest } = await takeBackup(target, { out, clock: systemClock });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    [
      `Backed up ${describeTarget(target)} in ${seconds} s:`,
      `  ${file} (${(bytes / 1024 / 1024).toFixed(1)} MiB)`,
      `  migration ${manifest.migration.tag}, ${manifest.auditChainHeads.length} audit chains`,
      `  needs encryption keys ${manifest.encryptionKeyIds.join(", ") || "(none)"} and audit signing keys ${manifest.auditSigningKeyIds.join(", ") || "(none)"}:`,
      "  keep them (ENCRYPTION_KEYS, AUDIT_SIGNING_KEYS) apart from the backup; it does not hold them.",
    ].join("\n"),
  );
} catch (error) {
  console.error(`No backup taken: ${(error as Error).message}`);
  process.exitCode = 1;
}
