import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startDnsPeer } from "../sso-peers/dns-server";
import { DNS_PORT, serveDnsControl } from "./dns-control";

/**
 * The console the journeys run against: `npm start` on a new database of its own, a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set, a fresh embedded one otherwise. The
 * journeys use the demo accounts and the Mailbox, so the server runs in demo mode, asked for
 * by name (a database server never gets it by itself); both databases are seeded at start and
 * removed when the server stops.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "customer-console-e2e-"));
// Like `npm start`: tsx with the command-line tsconfig, where the server-only marker is empty.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  CONSOLE_ENV: "demo",
  TSX_TSCONFIG_PATH: "tsconfig.cli.json",
  // The journeys' DNS server, started below; they publish records through its control door.
  DNS_SERVERS: `127.0.0.1:${DNS_PORT}`,
};
const dns = await startDnsPeer({ port: DNS_PORT });
const dnsControl = serveDnsControl(dns);
delete env.SMTP_URL;
let dropDatabase = async () => {};

const base = process.env.TEST_DATABASE_URL;
if (base) {
  const name = `cc_e2e_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const dropper = postgres(base, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists ${name} with (force)`);
    await dropper.end();
  };
}

const server = spawn(process.execPath, ["--import", "tsx", "server/cli/start.ts"], { stdio: "inherit", env });
const stop = async (signal: NodeJS.Signals) => {
  server.kill(signal);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", async (code) => {
  dnsControl.close();
  await dns.close();
  await dropDatabase().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
