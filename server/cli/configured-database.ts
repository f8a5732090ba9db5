import path from "node:path";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { dataDirectory } from "../config/env";

/** The database the console would use: DATABASE_URL, or the embedded one in the data directory. */
export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url, { max: 2 }) : openPglite({ dataDir: path.join(dataDirectory(), "pglite") });
}
