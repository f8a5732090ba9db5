import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import type { RequestHandler } from "next/dist/server/next";
import { alertWebhookSettings } from "../alerts/alert-webhook-settings";
import { assertPurgeListWritable } from "../backup/purge-list";
import { consoleMode, listenAddresses, mailboxShowsMail } from "../config/env";
import { loadAuditSigningKeys, loadSecrets } from "../config/secrets";
import { getDatabase } from "../database";
import { mailBacklogLimit } from "../health/readiness";
import { trustedProxies } from "../http/client-address";
import { consoleEndpoints } from "../http/console-endpoints";
import { createConsoleServer } from "../http/console-server";
import { exitGracefullyOnSignals } from "../http/graceful-shutdown";
import { jobIntervalMs } from "../jobs/job-runner";
import { metricsToken } from "../metrics/metrics-token";
import { demoBanner } from "./demo-banner";

/**
 * `npm start`: checks the settings, builds when the sources are newer than the last build,
 * then serves on PORT (3000 by default) through the console's own HTTP server, which gives
 * the app the client's socket address (see server/http/console-server.ts). `npm run dev`
 * (`--dev`) serves the sources through the same server, with Next's development mode.
 */
const root = process.cwd();
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? "3000");
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.AUTH_URL ??= `http://localhost:${port}`;

let mode: ReturnType<typeof consoleMode>;
let endpointSettings: { metricsToken: string | null; mailBacklogLimit: number };
try {
  mode = consoleMode();
  trustedProxies();
  loadSecrets();
  loadAuditSigningKeys();
  alertWebhookSettings();
  jobIntervalMs();
  assertPurgeListWritable();
  endpointSettings = { metricsToken: metricsToken(mode === "production"), mailBacklogLimit: mailBacklogLimit() };
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`PORT is "${process.env.PORT}"; give a port number from 1 to 65535.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
if (mode === "production" && !process.env.DATABASE_URL) {
  console.warn("CONSOLE_ENV=production without DATABASE_URL: using the embedded database in the data directory.");
}

if (!dev && buildIsStale()) {
  console.log("Building the console (first start or changed sources; a few minutes)…");
  // Next's route table means nothing to someone starting the console: shown only when the build fails.
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    process.stdout.write(build.stdout ?? "");
    process.stderr.write(build.stderr ?? "");
    console.error("The build failed: see above.");
    process.exit(build.status ?? 1);
  }
}

// Next reads NODE_ENV when it loads: a build runs as production, --dev as development, in any mode.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
const addresses = listenAddresses();
let handle: RequestHandler | undefined;
// /healthz, /readyz and /metrics: answered by the console's server itself, on the app's database handle.
const ownEndpoints = consoleEndpoints({
  ...endpointSettings,
  database: getDatabase,
  mailDelivered: Boolean(process.env.SMTP_URL),
});
const servers = (addresses.length ? addresses : [undefined]).map(() =>
  createConsoleServer((req, res) => handle!(req, res), { ownEndpoints }),
);
exitGracefullyOnSignals(servers);
const [identityProviderUrl, hostsUrl] =
  mode === "demo" ? await Promise.all([startDemoIdentityProvider(), startDemoHosts()]) : [];
// The database is opened, migrated (and a demo seeded) before anything listens: a failure stops
// the start with its reason, and once the console answers it is ready. The app reuses this handle.
try {
  await getDatabase();
} catch (error) {
  console.error(`The database could not be opened: ${(error as Error).message}`);
  process.exit(1);
}
const { default: next } = await import("next");
// Next answers WebSocket upgrades (development reloads) on the server it is given; the other
// loopback's server hands its upgrades to that one.
const app = next({ dev, dir: root, port, httpServer: servers[0] });
await app.prepare();
handle = app.getRequestHandler();
for (const server of servers.slice(1))
  server.on("upgrade", (req, socket, head) => servers[0]!.emit("upgrade", req, socket, head));

for (const [index, server] of servers.entries()) {
  await listen(server, addresses[index]).catch((error: NodeJS.ErrnoException) => {
    // The second loopback (::1) is missing on a machine without IPv6: 127.0.0.1 is enough.
    if (index > 0 && (error.code === "EADDRNOTAVAIL" || error.code === "EAFNOSUPPORT")) return;
    throw error;
  });
}
const url = process.env.AUTH_URL ?? `http://localhost:${port}`;
if (mode === "demo") {
  const { DEMO_PASSWORD } = await import("../demo/seed");
  console.log(
    demoBanner({
      url,
      password: DEMO_PASSWORD,
      mailboxUrl: mailboxShowsMail() ? `${url}/dev/mailbox` : undefined,
      identityProviderUrl,
      hostsUrl,
    }),
  );
} else {
  console.log(
    `Customer Console (${mode}${dev ? ", development" : ""}) listening on ${addresses.length ? addresses.join(", ") : "all interfaces"}, port ${port}: ${url}`,
  );
}

function listen(server: http.Server, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "server",
    "db",
    "lib",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.js",
    "package-lock.json",
  ];
  return sources.some((source) => newestModification(path.join(root, source)) > builtAt);
}

function newestModification(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return (
    fs
      .readdirSync(file)
      // Tests and the benches are not part of the build.
      .filter((name) => !name.endsWith(".test.ts") && path.join(file, name) !== path.join(root, "server", "bench"))
      .reduce((newest, name) => Math.max(newest, newestModification(path.join(file, name))), stat.mtimeMs)
  );
}

/** A demo signs Acme's acme-sso.example people in at an identity provider of its own, on the next port. */
async function startDemoIdentityProvider(): Promise<string | undefined> {
  const { startDemoSso } = await import("../../sso-peers/demo-sso");
  try {
    const provider = await startDemoSso({ consolePort: port });
    return provider.issuer;
  } catch (error) {
    console.warn(
      `The demo identity provider did not start (${(error as Error).message}); Sign in with SSO will not work.`,
    );
    return undefined;
  }
}

/** A demo's hosts answer from the hosts emulator, two ports after the console's (see server/demo/demo-hosts.ts). */
async function startDemoHosts(): Promise<string | undefined> {
  const { startHostsEmulator } = await import("../../hosts-emulator/emulator");
  const { DEMO_HOSTS, demoHostsPort } = await import("../demo/demo-hosts");
  try {
    await startHostsEmulator({ port: demoHostsPort(port), hosts: Object.values(DEMO_HOSTS) });
    return `http://127.0.0.1:${demoHostsPort(port)}/hosts/`;
  } catch (error) {
    console.warn(
      `The demo hosts did not start (${(error as Error).message}); the demo hosts will show as unreachable.`,
    );
    return undefined;
  }
}
