import fs from "node:fs";
import path from "node:path";
import { dataDirectory } from "../config/env";

/** Where backups and the purge list live: BACKUP_DIR, or `backups` in the data directory. */
export function backupDirectory(): string {
  return path.resolve(process.env.BACKUP_DIR ?? path.join(dataDirectory(), "backups"));
}

/** console-backup-20261203T173000Z.tar: sorts by time, and says it is UTC. */
export function backupFileName(at: Date): string {
  return `console-backup-${at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")}.tar`;
}

/**
 * `--out` names a directory (existing, or without the .tar ending) to put a timestamped file
 * in, or the file itself.
 */
export function backupFilePath(out: string | undefined, at: Date): string {
  const target = path.resolve(out ?? backupDirectory());
  const isDirectory = fs.existsSync(target) ? fs.statSync(target).isDirectory() : !target.endsWith(".tar");
  return isDirectory ? path.join(target, backupFileName(at)) : target;
}
