import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database } from "@/db/client";
import { type DatabaseFacts, readDatabaseFacts } from "./database-facts";
import { runPostgresTool } from "./postgres-tools";

/**
 * pg_dump in custom format, in a snapshot exported by a transaction that also reads the
 * manifest's facts: dump and manifest see the same instant, while the console keeps running.
 */
export async function dumpPostgres(url: string, dumpFile: string): Promise<DatabaseFacts> {
  // One connection: the transaction's statements all run on it, in order.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`begin isolation level repeatable read read only`;
    const [{ snapshot }] = await client<[{ snapshot: string }]>`select pg_export_snapshot() as snapshot`;
    const facts = await readDatabaseFacts(drizzle(client) as unknown as Database);
    await runPostgresTool("pg_dump", url, ["--format=custom", `--snapshot=${snapshot}`, `--file=${dumpFile}`]);
    await client`commit`;
    return facts;
  } finally {
    await client.end();
  }
}
