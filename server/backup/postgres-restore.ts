import type { Readable } from "node:stream";
import postgres from "postgres";
import { describeTarget } from "./database-target";
import { runPostgresTool } from "./postgres-tools";

/** Refuses unless the database exists and holds no tables: a restore never mixes with data. */
export async function ensureEmptyPostgres(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const where = describeTarget({ kind: "postgres", url });
  try {
    const [{ tables }] = await client<[{ tables: number }]>`
      select count(*)::int as tables from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`;
    if (tables > 0)
      throw new Error(
        `${where} is not empty (${tables} tables): a backup is restored only into an empty database. ` +
          "Create a new one (createdb <name>) and point DATABASE_URL at it.",
      );
  } catch (error) {
    if ((error as { code?: string }).code === "3D000")
      throw new Error(`${where} does not exist: create it first (createdb <name>), empty, then restore into it.`);
    throw error;
  } finally {
    await client.end();
  }
}

/** One transaction: a failed restore leaves the database as empty as it was. */
export async function restorePostgres(url: string, dump: Readable): Promise<void> {
  await runPostgresTool(
    "pg_restore",
    url,
    ["--format=custom", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"],
    dump,
  );
}
