import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isProduction } from "../config/env";
import { loadAuditSigningKeys, loadSecrets } from "../config/secrets";

/**
 * `npm start`: checks the secrets, builds when the sources are newer than the last build,
 * then serves on PORT (3000 by default).
 */
const root = process.cwd();
const port = process.env.PORT ?? "3000";
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_URL: process.env.AUTH_URL ?? `http://localhost:${port}`,
};

try {
  loadSecrets();
  loadAuditSigningKeys();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
if (isProduction() && !process.env.DATABASE_URL) {
  console.warn("CONSOLE_ENV=production without DATABASE_URL: using the embedded database in the data directory.");
}

if (buildIsStale()) {
  console.log("Building the console (first start or changed sources)…");
  const build = spawnSync(nextBin(), ["build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(nextBin(), ["start", "--port", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

function nextBin(): string {
  return path.join(root, "node_modules", ".bin", "next");
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "server", "db", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json"];
  return sources.some((source) => newestModification(path.join(root, source)) > builtAt);
}

function newestModification(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(file)
    .filter((name) => !name.endsWith(".test.ts"))
    .reduce((newest, name) => Math.max(newest, newestModification(path.join(file, name))), stat.mtimeMs);
}
