import fs from "node:fs";
import path from "node:path";

/**
 * Whether a process has the embedded database open. Only one process may: a second one opening
 * it would corrupt it. PGlite writes postmaster.pid while open and removes it on a clean close;
 * on Linux the process holding its files can also be named.
 */
export function embeddedDatabaseInUse(dataDir: string): string | null {
  if (!fs.existsSync(path.join(dataDir, "postmaster.pid"))) return null;
  const holder = processHolding(dataDir);
  if (holder)
    return (
      `${dataDir} is open in process ${holder} (a running console). Stop the console (Ctrl+C, or kill -TERM ${holder}) ` +
      `and run the command again; for backups without stopping, run the console on PostgreSQL (DATABASE_URL).`
    );
  return (
    `${dataDir} is in use by a running console, or was not closed cleanly (its postmaster.pid remains). ` +
    `Stop the console and run the command again. If no console runs on it, start the console once and stop it with Ctrl+C: ` +
    `it recovers the database and closes it cleanly.`
  );
}

function processHolding(dataDir: string): number | null {
  const inside = `${path.resolve(dataDir)}${path.sep}`;
  let pids: string[];
  try {
    pids = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return null;
  }
  for (const pid of pids) {
    let descriptors: string[];
    try {
      descriptors = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of descriptors) {
      try {
        if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(inside)) return Number(pid);
      } catch {}
    }
  }
  return null;
}
