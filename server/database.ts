import "server-only";
import path from "node:path";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { systemClock } from "./clock";
import { dataDirectory } from "./config/env";
import { refusePublishedDemoKey, seedDemoIfWanted } from "./demo/seed";
import { logger } from "./logger";
import { metricsQueryObserver } from "./metrics/query-observer";

const holder = globalThis as typeof globalThis & { customerConsoleDatabase?: Promise<DatabaseHandle> };

/**
 * The process's one database: PostgreSQL when DATABASE_URL is set, otherwise the embedded
 * PGlite in the data directory. Opening it applies migrations, and in demo mode fills an
 * empty database with the demo.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  holder.customerConsoleDatabase ??= openConfiguredDatabase().catch((error) => {
    holder.customerConsoleDatabase = undefined;
    throw error;
  });
  return holder.customerConsoleDatabase;
}

async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  const observeQueries = metricsQueryObserver();
  const handle = url
    ? openPostgres(url, { observeQueries })
    : await openPglite({ dataDir: path.join(dataDirectory(), "pglite"), observeQueries });
  const started = performance.now();
  // Seeded under the migrations' lock: servers starting together on an empty database seed it once.
  await handle.migrate(async () => {
    logger.info({ database: handle.kind, durationMs: Math.round(performance.now() - started) }, "migrations applied");
    if (await seedDemoIfWanted(handle.db, systemClock))
      logger.info({ database: handle.kind }, "empty database: demo data seeded");
  });
  await refusePublishedDemoKey(handle.db);
  return handle;
}

/**
 * Closes the process's database once its last request and job step are done (start.ts, on
 * SIGTERM). PGlite left open runs crash recovery at the next start.
 */
export async function closeDatabase(): Promise<void> {
  // The holder keeps the closed handle: nothing may open the database again while the process ends.
  const handle = await holder.customerConsoleDatabase?.catch(() => undefined);
  await handle?.close();
}
