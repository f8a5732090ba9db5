import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { seedDemoData } from "@/server/demo/seed";
import { systemClock } from "../clock";
import { logger } from "../logger";

/**
 * A migrated, seeded database of the bench's own: a new database on the PostgreSQL of
 * BENCH_DATABASE_URL (dropped by `drop`), or an in-memory PGlite.
 */
export async function openBenchDatabase(
  prefix: string,
): Promise<{ handle: DatabaseHandle; drop: () => Promise<void>; label: string; databaseUrl: string }> {
  process.env.AUTH_SECRET ??= "bench-only-auth-secret";
  process.env.ENCRYPTION_KEYS ??= `kbench:${randomBytes(32).toString("base64")}`;
  logger.level = "silent";
  const base = process.env.BENCH_DATABASE_URL;
  let handle: DatabaseHandle;
  let drop = async () => {};
  let databaseUrl = "";
  if (base) {
    const name = `${prefix}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    handle = openPostgres(databaseUrl, { max: 10 });
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    handle = await openPglite();
  }
  await handle.migrate();
  await seedDemoData(handle.db, systemClock);
  return { handle, drop, databaseUrl, label: `${handle.kind}${base ? " (BENCH_DATABASE_URL)" : " (in memory)"}` };
}
