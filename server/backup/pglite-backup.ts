import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { openPglite } from "@/db/client";
import { type DatabaseFacts, readDatabaseFacts } from "./database-facts";
import { embeddedDatabaseInUse } from "./pglite-in-use";

/** PGlite's own dump of its data directory (a tar, gzipped here), taken with the database closed to others. */
export async function dumpPglite(dataDir: string, dumpFile: string): Promise<DatabaseFacts> {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION")))
    throw new Error(
      `There is no embedded database in ${dataDir} to back up. Set DATA_DIR to the console's data directory, or DATABASE_URL for PostgreSQL.`,
    );
  const inUse = embeddedDatabaseInUse(dataDir);
  if (inUse) throw new Error(inUse);
  const handle = await openPglite({ dataDir });
  try {
    const facts = await readDatabaseFacts(handle.db);
    const dump = await handle.dumpDataDir!();
    // The fastest level: a fifth of the time of the default for an eighth more bytes.
    const packed = await promisify(gzip)(await dump.arrayBuffer(), { level: 1 });
    await fs.promises.writeFile(dumpFile, packed, { mode: 0o600 });
    return facts;
  } finally {
    await handle.close();
  }
}
