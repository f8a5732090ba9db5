import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface ConsoleProcess {
  base: string;
  /** The last of what the server wrote, to show when something went wrong. */
  logTail: () => string;
  /** Everything the server wrote, until it is stopped. */
  log: () => string;
  /** Sends the server a signal, as an orchestrator stopping it would. */
  signal: (signal: NodeJS.Signals) => void;
  /** Resolves with the server's exit code once it has exited. */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

/**
 * One more console, as `npm start` runs it (the build made by the journeys' web server), in
 * demo mode with a data directory of its own; `env` gives it the database and the secrets it
 * shares with others, and may ask for another CONSOLE_ENV. Answers once its /readyz says it is ready.
 */
export async function startConsoleProcess(port: number, env: Record<string, string>): Promise<ConsoleProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "customer-console-pair-"));
  const logFile = path.join(dataDir, "console.log");
  const logFd = fs.openSync(logFile, "a");
  const inherited = { ...process.env };
  delete inherited.AUTH_URL;
  const server = spawn(process.execPath, ["--import", "tsx", "server/cli/start.ts"], {
    stdio: ["ignore", logFd, logFd],
    env: {
      ...inherited,
      CONSOLE_ENV: "demo",
      ...env,
      TSX_TSCONFIG_PATH: "tsconfig.cli.json",
      DATA_DIR: dataDir,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  const log = () => fs.readFileSync(logFile, "utf8");
  const logTail = () => log().slice(-4000);
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      const killed = setTimeout(() => server.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killed);
    }
    fs.closeSync(logFd);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const base = `http://localhost:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) {
      const tail = logTail();
      await stop();
      throw new Error(`the console on port ${port} exited:\n${tail}`);
    }
    // Ready: database open and migrated, jobs running, accepting requests.
    const serving = await fetch(`${base}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (serving) return { base, logTail, log, signal: (signal) => server.kill(signal), exited, stop };
    if (Date.now() > until) {
      await stop();
      throw new Error(`the console on port ${port} did not answer within 2 minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
