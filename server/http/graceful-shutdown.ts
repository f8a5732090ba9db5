import { stopJobRunners } from "../jobs/job-runner";
import { logger } from "../logger";
import type { ConsoleServer } from "./console-server";
import { startDraining } from "./draining";

/** How long requests in flight and the running job step get before the process ends anyway. */
export const SHUTDOWN_GRACE_MS = 30_000;

/**
 * SIGTERM (and Ctrl-C): stop accepting connections, let the requests in flight and the job
 * step in progress finish (each step is a transaction, so one cut off rolls back whole), then
 * close the database and exit. A second signal, or the grace period running out, ends the
 * process at once.
 */
export function exitGracefullyOnSignals(servers: ConsoleServer[], graceMs = SHUTDOWN_GRACE_MS): void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(1);
    }
    shuttingDown = true;
    void shutDown(servers, signal, graceMs).then((code) => process.exit(code));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

export async function shutDown(servers: ConsoleServer[], signal: NodeJS.Signals, graceMs: number): Promise<number> {
  const started = performance.now();
  const inFlight = () => servers.reduce((sum, server) => sum + server.inFlight(), 0);
  logger.info({ signal, requestsInFlight: inFlight() }, "shutting down: no new connections");
  startDraining();
  for (const server of servers) {
    server.close();
    server.closeIdleConnections();
  }
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    Promise.all([...servers.map((server) => server.idle()), stopJobRunners()]).then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (!finished) {
    logger.warn({ requestsInFlight: inFlight(), graceMs }, "shutdown grace period over: ending what is left");
    for (const server of servers) server.closeAllConnections();
  }
  // Loaded only now: the HTTP server itself never needs the database module.
  const { closeDatabase } = await import("../database");
  await closeDatabase().catch((error) => logger.error({ err: error }, "closing the database failed"));
  logger.info({ durationMs: Math.round(performance.now() - started), complete: finished }, "shut down");
  return finished ? 0 : 1;
}
