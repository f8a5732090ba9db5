import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../../lib/chromium";

/**
 * The journey through the TLS proxy, run by deploy/ci/production-check.ts once the proxy and
 * both consoles are up (they are not started here). The certificate is self-signed.
 */
export default defineConfig({
  testDir: ".",
  testMatch: "production.spec.ts",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: "list",
  outputDir: "../../test-results/production",
  use: {
    baseURL: process.env.PRODUCTION_ORIGIN,
    ignoreHTTPSErrors: true,
    trace: "retain-on-failure",
    launchOptions: {
      ...(fs.existsSync(CHROMIUM_PATH) ? { executablePath: CHROMIUM_PATH } : {}),
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
