import { randomBytes } from "node:crypto";
import fs from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { type DatabaseHandle, openPglite, openPostgres } from "../client";
import type { QueryObserver } from "../timed-client";
import { withDatabase } from "./template-database";

/**
 * A database of this test file's own, copied from the migrated and seeded one: PostgreSQL
 * when TEST_DATABASE_URL is set, PGlite otherwise. Use inside a describe or at top level.
 * With `observeQueries`, its queries are timed as the console's own database's are.
 */
export function setUpTestDatabase(options: { observeQueries?: QueryObserver } = {}): {
  readonly handle: DatabaseHandle;
} {
  const state = {} as { handle: DatabaseHandle; drop?: () => Promise<void> };
  beforeAll(async () => {
    const templateUrl = inject("templateDatabaseUrl");
    if (templateUrl) {
      const template = new URL(templateUrl).pathname.slice(1);
      const name = `${template}_${randomBytes(4).toString("hex")}`;
      // Connect through the base database: nobody may be connected to a template while it is copied.
      const adminUrl = process.env.TEST_DATABASE_URL!;
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name} template ${template}`);
      await admin.end();
      state.handle = openPostgres(withDatabase(templateUrl, name), { max: 20, ...options });
      state.drop = async () => {
        const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
        await dropper.end();
      };
    } else {
      const dump = fs.readFileSync(inject("pgliteDumpPath")!);
      state.handle = await openPglite({ loadDataDir: new Blob([dump]), ...options });
    }
  });
  afterAll(async () => {
    await state.handle?.close();
    await state.drop?.();
  });
  return {
    get handle() {
      return state.handle;
    },
  };
}
