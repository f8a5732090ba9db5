import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Fixed test-only secrets, so tests never touch the data directory. Set here, not only in
// test.env, because the global setup seeds the template database in this process.
const testSecrets = {
  AUTH_SECRET: "test-auth-secret-not-for-use-anywhere-else",
  ENCRYPTION_KEYS: "ktest:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  AUDIT_SIGNING_KEYS: "atest:c2lnbmluZy1zZWVkLWZvci10ZXN0cy1vbmx5LTMyYnk=",
};
Object.assign(process.env, testSecrets);
// The retention purge appends to the purge list in BACKUP_DIR: tests keep it out of the data directory.
const testEnvironment = { ...testSecrets, BACKUP_DIR: path.join(os.tmpdir(), "customer-console-test-backups") };

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // Outside Next's react-server bundle the marker throws; tests run server modules directly.
      "server-only": `${import.meta.dirname}/node_modules/server-only/empty.js`,
    },
  },
  test: {
    include: ["{server,db,app,lib,deploy}/**/*.test.ts"],
    globalSetup: ["./server/testing/global-setup.ts"],
    // On PostgreSQL most of a test's time is spent waiting on the server's own processes, so four
    // files at once overlap well even on two cores; PGlite runs in the worker and gains nothing.
    ...(process.env.TEST_DATABASE_URL ? { maxWorkers: 4 } : {}),
    // Worker threads start and load modules faster than child processes: 210 s against 236 s for
    // the whole suite on PostgreSQL on two cores.
    pool: "threads",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: testEnvironment,
    // next-auth imports "next/server" without an extension, which only Next's bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
  },
});
