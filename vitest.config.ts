import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["{server,db,app}/**/*.test.ts"],
    globalSetup: ["./db/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: {
      // Fixed test-only secrets, so tests never touch the data directory.
      AUTH_SECRET: "test-auth-secret-not-for-use-anywhere-else",
      ENCRYPTION_KEYS: "ktest:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    },
  },
});
