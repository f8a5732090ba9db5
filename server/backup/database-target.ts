import path from "node:path";
import { dataDirectory } from "../config/env";

/** The database a backup is taken from or restored into, as the console would open it. */
export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export function configuredTarget(): DatabaseTarget {
  const url = process.env.DATABASE_URL;
  return url ? { kind: "postgres", url } : { kind: "pglite", dataDir: path.join(dataDirectory(), "pglite") };
}

/** How the target is named in messages: never with a password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `the embedded database in ${target.dataDir}`;
  const url = new URL(target.url);
  return `the PostgreSQL database ${url.pathname.slice(1)} on ${url.host}`;
}
