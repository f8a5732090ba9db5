import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "@/db/client";
import { withDatabase } from "@/db/testing/template-database";
import { systemClock } from "../clock";
import { seedDemoData } from "../demo/seed";

/** Migrates and seeds once per run; each test file then starts from a copy of that database. */
export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `cc_template_${randomBytes(4).toString("hex")}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = withDatabase(base, name);
    const handle = openPostgres(url, { max: 2 });
    await handle.migrate();
    await seedDemoData(handle.db, systemClock);
    await handle.close();
    project.provide("templateDatabaseUrl", url);
    project.provide("pgliteDumpPath", null);
    return async () => {
      const copies = await admin<
        { datname: string }[]
      >`select datname from pg_database where datname like ${`${name}%`}`;
      for (const { datname } of copies) await admin.unsafe(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  }
  const handle = await openPglite();
  await handle.migrate();
  await seedDemoData(handle.db, systemClock);
  const dump = await handle.dumpDataDir!();
  await handle.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "customer-console-test-"));
  const dumpPath = path.join(dir, "seeded.tar");
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("templateDatabaseUrl", null);
  project.provide("pgliteDumpPath", dumpPath);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
