import path from "node:path";
import { dataDirectory } from "@/server/config/env";
import { type DatabaseHandle, openPglite, openPostgres } from "../client";

/** The database the console would use: DATABASE_URL, or the embedded one in the data directory. */
export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url, { max: 2 }) : openPglite({ dataDir: path.join(dataDirectory(), "pglite") });
}
