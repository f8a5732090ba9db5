import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Clock } from "../clock";
import { writeArchive } from "./archive";
import { backupFilePath } from "./backup-location";
import type { DatabaseTarget } from "./database-target";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupManifest } from "./manifest";
import { dumpPglite } from "./pglite-backup";
import { dumpPostgres } from "./postgres-backup";

export const DUMP_ENTRY = { postgres: "database.pgdump", pglite: "pglite-data.tar.gz" } as const;

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * Writes one backup file: the manifest and the dump in a tar. It appears under its final
 * name only when complete, and never replaces an existing file.
 */
export async function takeBackup(
  target: DatabaseTarget,
  options: { out?: string; clock: Clock },
): Promise<BackupResult> {
  const createdAt = options.clock.now();
  const file = backupFilePath(options.out, createdAt);
  if (fs.existsSync(file)) throw new Error(`${file} exists already; a backup never replaces another.`);
  await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const dumpFile = `${file}.dump.partial`;
  const partial = `${file}.partial`;
  try {
    const facts =
      target.kind === "postgres"
        ? await dumpPostgres(target.url, dumpFile)
        : await dumpPglite(target.dataDir, dumpFile);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      database: target.kind,
      ...facts,
      dump: { entry: DUMP_ENTRY[target.kind], ...(await sizeAndDigest(dumpFile)) },
    };
    const out = await fs.promises.open(partial, "wx", 0o600);
    try {
      await writeArchive(out, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), {
        name: manifest.dump.entry,
        path: dumpFile,
      });
      await out.sync();
    } finally {
      await out.close();
    }
    // link, unlike rename, fails when the name is taken: two backups in one second keep both.
    await fs.promises.link(partial, file).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EEXIST" ? new Error(`${file} exists already; a backup never replaces another.`) : error;
    });
    return { file, bytes: (await fs.promises.stat(file)).size, manifest };
  } finally {
    await fs.promises.rm(dumpFile, { force: true });
    await fs.promises.rm(partial, { force: true });
  }
}

async function sizeAndDigest(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest("hex") };
}
