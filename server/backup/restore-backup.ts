import { type DatabaseHandle, openPostgres } from "@/db/client";
import { purgeListedTeam } from "../billing/purge-job";
import type { Clock } from "../clock";
import { type ArchiveEntry, entrySha256, entryStream, MANIFEST_ENTRY, readArchiveEntries, readEntry } from "./archive";
import type { DatabaseTarget } from "./database-target";
import { type BackupManifest, parseManifest } from "./manifest";
import { appliedMigration } from "./migration-version";
import { embeddedDatabaseInUse } from "./pglite-in-use";
import { ensureNoEmbeddedDatabase, restorePglite } from "./pglite-restore";
import { ensureEmptyPostgres, restorePostgres } from "./postgres-restore";
import { type PurgeListEntry, readPurgeList } from "./purge-list";
import { manifestProblems } from "./restore-checks";
import { encryptionKeyProblems } from "./verify-encryption-keys";
import { type ChainCheck, verifyRestoredChains } from "./verify-restored-chains";

export interface RestoreReport {
  manifest: BackupManifest;
  /** The migration the database is at after restoring: newer than the backup's when it was older. */
  migratedTo: string | null;
  chains: ChainCheck;
  /** Keys that have the backup's ids but are other keys: the data cannot be read until they are set. */
  keyProblems: string[];
  purgedAgain: Array<{ teamId: string; name: string }>;
  /** Purge list lines that are not entries: torn by a crash (nothing to do) or damaged (look at them). */
  unreadablePurgeListLines: Array<{ file: string; line: number }>;
}

/**
 * Restores a backup file into an empty database, brings it to this code's migrations,
 * checks every audit chain against the manifest's heads, then purges again every team on the
 * purge lists that the backup still holds.
 */
export async function restoreBackup(
  file: string,
  target: DatabaseTarget,
  options: { clock: Clock; purgeLists: string[] },
): Promise<RestoreReport> {
  const { manifest, dump } = await openBackup(file);
  const problems = manifestProblems(manifest, target);
  if (problems.length) throw new Error(problems.join("\n"));
  if ((await entrySha256(file, dump)) !== manifest.dump.sha256)
    throw new Error(`${file} is damaged: its dump does not match the digest in its manifest.`);
  const purgeLists = await Promise.all(
    options.purgeLists.map(async (list) => ({ list, ...(await readPurgeList(list)) })),
  );

  const handle = await loadDump(file, dump, target);
  try {
    await handle.migrate();
    const chains = await verifyRestoredChains(handle.db, manifest.auditChainHeads);
    const keyProblems = await encryptionKeyProblems(handle.db, manifest.encryptionKeyIds);
    const purgedAgain = await replayPurges(
      handle,
      purgeLists.flatMap((list) => list.entries),
      options.clock,
    );
    return {
      manifest,
      migratedTo: (await appliedMigration(handle.db)).tag,
      chains,
      keyProblems,
      purgedAgain,
      unreadablePurgeListLines: purgeLists.flatMap(({ list, unreadableLines }) =>
        unreadableLines.map((line) => ({ file: list, line })),
      ),
    };
  } finally {
    await handle.close();
  }
}

async function openBackup(file: string) {
  let entries: ArchiveEntry[];
  try {
    entries = await readArchiveEntries(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`${file} does not exist.`);
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const [manifestEntry, dump] = entries;
  if (manifestEntry?.name !== MANIFEST_ENTRY || !dump)
    throw new Error(`${file} is not a console backup: it must hold ${MANIFEST_ENTRY} and then a dump.`);
  const manifest = parseManifest(await readEntry(file, manifestEntry), file);
  if (dump.name !== manifest.dump.entry || dump.size !== manifest.dump.bytes)
    throw new Error(`${file} is damaged: its dump is not the one its manifest describes.`);
  return { manifest, dump };
}

async function loadDump(file: string, dump: ArchiveEntry, target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "pglite") {
    const inUse = embeddedDatabaseInUse(target.dataDir);
    if (inUse) throw new Error(inUse);
    ensureNoEmbeddedDatabase(target.dataDir);
    return restorePglite(target.dataDir, entryStream(file, dump));
  }
  await ensureEmptyPostgres(target.url);
  await restorePostgres(target.url, entryStream(file, dump));
  return openPostgres(target.url, { max: 2 });
}

async function replayPurges(handle: DatabaseHandle, entries: PurgeListEntry[], clock: Clock) {
  const purged: RestoreReport["purgedAgain"] = [];
  for (const teamId of new Set(entries.map((entry) => entry.teamId))) {
    const name = await purgeListedTeam(handle.db, clock, teamId);
    if (name !== null) purged.push({ teamId, name });
  }
  return purged;
}
