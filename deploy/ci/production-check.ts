import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { type ConsoleProcess, startConsoleProcess } from "../../e2e/console-process";
import { generateSecrets } from "../../server/config/secrets";
import { writeNginxConfig } from "./nginx-config";
import { startNginx } from "./nginx-process";
import { startTestssl, testsslCommand } from "./testssl";

/**
 * `npm run test:production`: the topology of deploy/compose.yaml without containers. Two
 * consoles in production mode on a fresh PostgreSQL database, behind nginx with the
 * configuration of deploy/nginx/console.conf and a self-signed certificate for localhost; one
 * browser journey through https://localhost:8443 and testssl on the proxy's TLS. Everything
 * it starts is stopped, and the database dropped, however it ends.
 */
const HTTPS_PORT = 8443;
const HTTP_PORT = 8080;
const CONSOLE_PORTS = [3701, 3702] as const;
const MAIL_PORT = 3703;
const ORIGIN = `https://localhost:${HTTPS_PORT}`;
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const startedAt = Date.now();

const teardown: (() => Promise<void> | void)[] = [];
let tearingDown: Promise<void> | undefined;
function tearDown(): Promise<void> {
  tearingDown ??= (async () => {
    for (const step of teardown.reverse()) await Promise.resolve(step()).catch((error) => console.error(error));
  })();
  return tearingDown;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void tearDown().then(() => process.exit(1)));
}

try {
  await main();
  console.log(`Production check passed in ${seconds(startedAt)}.`);
} catch (error) {
  console.error(`Production check failed after ${seconds(startedAt)}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await tearDown();
}

async function main(): Promise<void> {
  const tools = requireTools();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "customer-console-production-"));
  teardown.push(() => fs.rmSync(directory, { recursive: true, force: true }));
  const certificate = makeCertificate(directory);

  const databaseUrl = await createDatabase();
  const secrets = generateSecrets();
  const shared = {
    CONSOLE_ENV: "production",
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secrets.authSecret,
    ENCRYPTION_KEYS: secrets.encryptionKeys,
    AUDIT_SIGNING_KEYS: secrets.auditSigningKeys,
    TRUSTED_PROXIES: "127.0.0.1",
    // One backup directory for both, as compose's shared volume.
    BACKUP_DIR: path.join(directory, "backups"),
    AUTH_URL: ORIGIN,
    SMTP_URL: `smtp://127.0.0.1:${MAIL_PORT}`,
    // Mail goes out within half a second of being written.
    JOB_INTERVAL_MS: "500",
    LOG_LEVEL: "warn",
  };
  // One after the other: the first builds if the build is stale and migrates the empty database.
  const consoles: ConsoleProcess[] = [];
  teardown.push(() => Promise.allSettled(consoles.map((console) => console.stop())).then(() => {}));
  for (const port of CONSOLE_PORTS) {
    const since = Date.now();
    consoles.push(await startConsoleProcess(port, shared));
    console.log(`Console on port ${port} ready in ${seconds(since)}.`);
  }

  const accessLog = path.join(directory, "access.log");
  const nginxConf = writeNginxConfig(directory, {
    CONSOLE_A: `127.0.0.1:${CONSOLE_PORTS[0]}`,
    CONSOLE_B: `127.0.0.1:${CONSOLE_PORTS[1]}`,
    HTTP_PORT: String(HTTP_PORT),
    HTTPS_PORT: String(HTTPS_PORT),
    SERVER_NAME: "localhost",
    PUBLIC_ORIGIN: ORIGIN,
    ACCESS_LOG: accessLog,
    TLS_CERTIFICATE: certificate.cert,
    TLS_CERTIFICATE_KEY: certificate.key,
  });
  const proxy = await startNginx(tools.nginx, directory, nginxConf, HTTPS_PORT);
  teardown.push(proxy.stop);

  // The scan needs only the proxy, so it runs beside the journey rather than after it.
  const scanStartedAt = Date.now();
  const scan = startTestssl(tools.testssl, directory, { host: "localhost", ip: "127.0.0.1", port: HTTPS_PORT });
  teardown.push(scan.stop);
  const scanned = scan.verdict.then((verdict) => ({ verdict, took: seconds(scanStartedAt) }));
  // Awaited below, unless the journey fails first.
  scanned.catch(() => {});

  const journeyStartedAt = Date.now();
  const journey = await runJourney({
    PRODUCTION_ORIGIN: ORIGIN,
    PRODUCTION_HTTP_PORT: String(HTTP_PORT),
    PRODUCTION_MAIL_PORT: String(MAIL_PORT),
    PRODUCTION_ACCESS_LOG: accessLog,
    PRODUCTION_CONSOLES: CONSOLE_PORTS.map((port) => `127.0.0.1:${port}`).join(","),
  });
  if (journey !== 0) {
    for (const [index, server] of consoles.entries()) {
      console.error(`Console on port ${CONSOLE_PORTS[index]}:\n${server.logTail()}`);
    }
    console.error(`nginx:\n${proxy.errorLog()}`);
    throw new Error("the journey through the proxy failed (above)");
  }
  console.log(`Journey through the proxy passed in ${seconds(journeyStartedAt)}.`);

  const { verdict, took } = await scanned;
  console.log(`testssl on localhost:${HTTPS_PORT} (${took}):`);
  for (const line of verdict.lines) console.log(`  ${line}`);
  if (verdict.failures.length) throw new Error(`the proxy's TLS is too weak: ${verdict.failures.join("; ")}`);
}

/** The journey of deploy/ci/production.spec.ts; answers Playwright's exit status. */
function runJourney(env: Record<string, string>): Promise<number> {
  const playwright = spawn(
    path.join("node_modules", ".bin", "playwright"),
    ["test", "--config", "deploy/ci/playwright.production.config.ts"],
    { stdio: "inherit", env: { ...process.env, ...env } },
  );
  teardown.push(() => {
    if (playwright.exitCode === null) playwright.kill("SIGTERM");
  });
  return new Promise((resolve, reject) => {
    playwright.once("error", reject);
    playwright.once("exit", (code) => resolve(code ?? 1));
  });
}

/** nginx, testssl and openssl, from Debian's nginx, testssl.sh and openssl packages. */
function requireTools(): { nginx: string; testssl: string } {
  const onPath = (command: string) =>
    ["/usr/sbin", ...(process.env.PATH ?? "").split(":")]
      .map((directory) => path.join(directory, command))
      .find((file) => fs.existsSync(file));
  const nginx = onPath("nginx");
  const testssl = testsslCommand();
  const missing = [
    nginx ? null : "nginx (Debian package nginx)",
    testssl ? null : "testssl (Debian package testssl.sh)",
    onPath("openssl") ? null : "openssl (Debian package openssl)",
  ].filter(Boolean);
  if (!nginx || !testssl || missing.length) {
    throw new Error(`missing ${missing.join(", ")}. Install them with: apt-get install nginx testssl.sh openssl`);
  }
  return { nginx, testssl };
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** A self-signed ECDSA certificate for localhost, valid for a day. */
function makeCertificate(directory: string): { cert: string; key: string } {
  const cert = path.join(directory, "localhost.crt");
  const key = path.join(directory, "localhost.key");
  run("openssl", [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-days",
    "1",
    "-subj",
    "/CN=localhost",
    "-addext",
    "subjectAltName=DNS:localhost,IP:127.0.0.1",
    "-keyout",
    key,
    "-out",
    cert,
  ]);
  return { cert, key };
}

async function createDatabase(): Promise<string> {
  const name = `cc_dep_check_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  teardown.push(async () => {
    const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists ${name} with (force)`);
    await dropper.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
