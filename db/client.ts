import "server-only";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";
import { type QueryObserver, timedPglite, timedPostgres } from "./timed-client";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database itself or an open transaction. */
export type Queryable = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** The most connections the client opens: postgres.js' pool size, or PGlite's one. */
  poolMax: number;
  /**
   * Applies the SQL migrations in db/migrations, safe to call on every start; then `andThen`,
   * while no other server migrates: first-start work such as seeding.
   */
  migrate(andThen?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a copy of the whole database, to start other databases from (tests). */
  dumpDataDir?: () => Promise<Blob>;
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any fixed number: serialises migrations when several app servers start at once.
const MIGRATION_LOCK_KEY = 7_210_431;

export function openPostgres(
  url: string,
  options: { max?: number; observeQueries?: QueryObserver } = {},
): DatabaseHandle {
  const poolMax = options.max ?? 10;
  const client = postgres(url, { max: poolMax, onnotice: () => {} });
  const queried = options.observeQueries ? timedPostgres(client, options.observeQueries) : client;
  const db = drizzlePostgres(queried, { schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    poolMax,
    async migrate(andThen) {
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres(lockClient), { migrationsFolder });
        await andThen?.();
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await lockClient.end();
      }
    },
    close: () => client.end(),
  };
}

/** dataDir undefined means in memory; loadDataDir starts from a dumped database (tests). */
export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob; observeQueries?: QueryObserver } = {},
): Promise<DatabaseHandle> {
  const client = await PGlite.create(options.dataDir, {
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const queried = options.observeQueries ? timedPglite(client, options.observeQueries) : client;
  const db = drizzlePglite(queried, { schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    poolMax: 1,
    async migrate(andThen) {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
      await andThen?.();
    },
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir("none"),
  };
}

/** `db.execute()` answers an array on postgres-js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
