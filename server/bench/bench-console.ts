import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { teams } from "@/db/schema";
import { openBenchDatabase } from "./bench-database";
import { fillBenchTeam } from "./fill-members";

export { signInOverHttp } from "./sign-in-over-http";

export const BENCH_MEMBERS = 100_000;
const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchConsole {
  base: string;
  /** Acme Corp, filled to BENCH_MEMBERS memberships when asked for. */
  teamId: string;
  databaseUrl: string;
  handle: DatabaseHandle;
  /** The server's process id, to read what it costs from /proc. */
  pid: number;
  stop: () => Promise<void>;
}

/**
 * The built console (`npm start`, which builds first when the sources changed) serving a
 * PostgreSQL database of the bench's own: migrated, seeded with the demo, and with Acme Corp
 * filled to bench scale when `members` is given. The server runs in demo mode for the demo
 * accounts; its logs go to a file so they cost what they cost in production, not a terminal.
 */
export async function startBenchConsole(options: {
  port: number;
  members?: number;
  env?: Record<string, string>;
  /** Flags for the server's node, such as `--cpu-prof` (which Node 20 refuses in NODE_OPTIONS). */
  nodeFlags?: string[];
}): Promise<BenchConsole> {
  process.env.BENCH_DATABASE_URL ??= LOCAL_POSTGRES;
  const { handle, drop, databaseUrl } = await openBenchDatabase("cc_bench_http");
  const [acme] = await handle.db.select().from(teams).where(eq(teams.name, "Acme Corp"));
  if (options.members) {
    const started = performance.now();
    await fillBenchTeam(handle.db, acme!.id, { members: options.members, groups: 1_000 });
    console.log(
      `filled Acme Corp with ${options.members} members in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cc-bench-"));
  const base = `http://localhost:${options.port}`;
  const logFile = path.join(dataDir, "console.log");
  const log = fs.openSync(logFile, "a");
  const server = spawn(process.execPath, [...(options.nodeFlags ?? []), "--import", "tsx", "server/cli/start.ts"], {
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      ...options.env,
      TSX_TSCONFIG_PATH: "tsconfig.cli.json",
      CONSOLE_ENV: "demo",
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(options.port),
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    server.kill("SIGTERM");
    await exited;
    await handle.close();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(base, server, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, teamId: acme!.id, databaseUrl, handle, pid: server.pid!, stop };
}

async function waitUntilServing(base: string, server: ChildProcess, logFile: string) {
  // A first start builds the console, which takes minutes on two cores.
  const until = Date.now() + 15 * 60_000;
  while (Date.now() < until) {
    if (server.exitCode !== null)
      throw new Error(`the console exited:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`);
    const answered = await fetch(`${base}/api/auth/csrf`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the console did not answer within 15 minutes");
}
