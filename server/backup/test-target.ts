import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { withDatabase } from "@/db/testing/template-database";
import type { DatabaseTarget } from "./database-target";

/**
 * A seeded database that backup and restore reach as the console does: a PostgreSQL database
 * copied from the tests' template (TEST_DATABASE_URL set), or a PGlite data directory on disk.
 */
export interface TestTarget {
  target: DatabaseTarget;
  /** A scratch directory for backups and purge lists, removed by `remove`. */
  directory: string;
  open(): Promise<DatabaseHandle>;
  /** Leaves nothing behind: an empty database, or no data directory. */
  wipe(): Promise<void>;
  remove(): Promise<void>;
}

export async function seededTestTarget(): Promise<TestTarget> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "console-backup-test-"));
  const templateUrl = inject("templateDatabaseUrl");
  if (!templateUrl) {
    const dataDir = path.join(directory, "data", "pglite");
    fs.mkdirSync(dataDir, { recursive: true });
    const seeded = await openPglite({
      dataDir,
      loadDataDir: new Blob([fs.readFileSync(inject("pgliteDumpPath")!)]),
    });
    await seeded.close();
    return {
      target: { kind: "pglite", dataDir },
      directory,
      open: () => openPglite({ dataDir }),
      wipe: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
      remove: async () => fs.rmSync(directory, { recursive: true, force: true }),
    };
  }
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${template}_bak_${randomBytes(4).toString("hex")}`;
  const admin = (statement: string) => {
    const client = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    return client.unsafe(statement).finally(() => client.end());
  };
  await admin(`create database ${name} template ${template}`);
  const url = withDatabase(templateUrl, name);
  return {
    target: { kind: "postgres", url },
    directory,
    open: async () => openPostgres(url, { max: 4 }),
    wipe: async () => {
      await admin(`drop database ${name} with (force)`);
      await admin(`create database ${name}`);
    },
    remove: async () => {
      await admin(`drop database if exists ${name} with (force)`);
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
