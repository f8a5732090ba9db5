import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { backupDirectory } from "./backup-location";

export const PURGE_LIST_NAME = "purged-teams.jsonl";

/**
 * Teams the retention purge deleted, one JSON line each, appended and never rewritten. It lives
 * beside the backups, outside the database, so restoring an older backup cannot bring a purged
 * team back: restore purges every team on the list again.
 */
export interface PurgeList {
  file: string;
  record(entry: PurgeListEntry): Promise<void>;
}

export interface PurgeListEntry {
  teamId: string;
  purgedAt: Date;
}

const line = z.object({ teamId: z.uuid(), purgedAt: z.iso.datetime() });

export function configuredPurgeList(): PurgeList {
  return purgeListAt(path.join(backupDirectory(), PURGE_LIST_NAME));
}

/**
 * Checked at start: the retention purge writes each purged team here before it purges, so a
 * console that cannot write the list would never purge anything, and would only say so in a job
 * failure 45 days on. Creates the directory and an empty list when they are missing.
 */
export function assertPurgeListWritable(file = configuredPurgeList().file): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(file, "a", 0o600));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(
      `The purge list ${file} cannot be written (${reason}). The retention purge records every team it purges there, ` +
        "so that a restore keeps them purged, and purges nothing it cannot record. Set BACKUP_DIR to a durable directory " +
        "the console's user can write (see the README's Backups).",
    );
  }
}

export function purgeListAt(file: string): PurgeList {
  return {
    file,
    async record(entry) {
      await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const handle = await fs.promises.open(file, "a+", 0o600);
      try {
        const record = `${JSON.stringify({ teamId: entry.teamId, purgedAt: entry.purgedAt.toISOString() })}\n`;
        // A line torn by a crash (its purge rolled back) must not swallow this one.
        await handle.write((await endsTorn(handle)) ? `\n${record}` : record);
        // On disk before the purge commits: a purge the list does not hold never happened.
        await handle.datasync();
      } finally {
        await handle.close();
      }
    },
  };
}

async function endsTorn(handle: fs.promises.FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/**
 * The list's entries (a missing file is an empty list) and the numbers of lines that are not
 * entries: a line torn by a crash, whose purge never committed, or a damaged one to look at.
 */
export async function readPurgeList(file: string): Promise<{ entries: PurgeListEntry[]; unreadableLines: number[] }> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { entries: [], unreadableLines: [] };
    throw error;
  }
  const entries: PurgeListEntry[] = [];
  const unreadableLines: number[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    if (!raw.trim()) continue;
    const parsed = line.safeParse(parseJson(raw));
    if (parsed.success) entries.push({ teamId: parsed.data.teamId, purgedAt: new Date(parsed.data.purgedAt) });
    else unreadableLines.push(index + 1);
  }
  return { entries, unreadableLines };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
