import fs from "node:fs";
import type { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { gunzipSync } from "node:zlib";
import { type DatabaseHandle, openPglite } from "@/db/client";

/** Refuses unless the data directory holds no embedded database yet. */
export function ensureNoEmbeddedDatabase(dataDir: string): void {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0)
    throw new Error(
      `${dataDir} holds an embedded database already: a backup is restored only where there is none. ` +
        "Set DATA_DIR to a new directory, or move the pglite folder away if you mean to replace it.",
    );
}

/** Unpacks PGlite's data-directory dump into `dataDir` and opens it there; removes it again if that fails. */
export async function restorePglite(dataDir: string, dump: Readable): Promise<DatabaseHandle> {
  const tar = gunzipSync(await buffer(dump));
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    return await openPglite({ dataDir, loadDataDir: new Blob([tar]) });
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
