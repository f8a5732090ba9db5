import type { Database } from "@/db/client";
import type { Clock } from "../clock";
import { logger } from "../logger";
import { consoleMetrics } from "../metrics/console-metrics";
import { BEAT_EVERY_MS, type JobRunnerHeartbeat, startHeartbeat, stopHeartbeat } from "./job-heartbeat";

export interface Job {
  name: string;
  /** Must be idempotent and safe while other servers run it too. */
  run(db: Database, clock: Clock): Promise<unknown>;
}

const DEFAULT_INTERVAL_MS = 5_000;

/**
 * JOB_INTERVAL_MS, the pause between two runs of the jobs (5 s by default): tests that watch
 * several servers share the work shorten it. Read at start, so a wrong value stops the start.
 */
export function jobIntervalMs(value = process.env.JOB_INTERVAL_MS): number {
  if (value === undefined || value === "") return DEFAULT_INTERVAL_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100 || ms > 3_600_000)
    throw new Error(`JOB_INTERVAL_MS is "${value}"; give whole milliseconds from 100 to 3600000.`);
  return ms;
}

/** Stops a runner: no job starts after it, and it resolves once the job running now (if any) has returned. */
export type StopJobRunner = () => Promise<void>;

const registry = globalThis as typeof globalThis & { customerConsoleJobRunners?: Set<StopJobRunner> };

async function runMeasured(job: Job, db: Database, clock: Clock, heartbeat: JobRunnerHeartbeat): Promise<void> {
  const metrics = consoleMetrics();
  const started = Date.now();
  heartbeat.running = { job: job.name, since: started };
  heartbeat.beatAt = started;
  try {
    const result = await job.run(db, clock);
    logger.debug({ job: job.name, result }, "job ran");
  } catch (error) {
    metrics.jobFailures.inc({ job: job.name });
    logger.error({ job: job.name, err: error }, "job failed");
  }
  const ended = Date.now();
  heartbeat.running = null;
  heartbeat.beatAt = ended;
  heartbeat.completedAt.set(job.name, ended);
  metrics.jobRuns.inc({ job: job.name });
  metrics.jobDuration.observe({ job: job.name }, (ended - started) / 1000);
}

/**
 * Runs every job now and then inside the app server. Jobs keep their state in PostgreSQL and
 * claim work with row locks, so every server may run this loop. While it waits it beats, so
 * /readyz can tell a long interval from a job that hangs.
 */
export function startJobRunner(
  db: Database,
  clock: Clock,
  jobs: Job[],
  intervalMs = DEFAULT_INTERVAL_MS,
): StopJobRunner {
  const heartbeat = startHeartbeat(intervalMs, Date.now());
  consoleMetrics().jobInterval.set(intervalMs / 1000);
  let stopping = false;
  let tickDone: Promise<void> = Promise.resolve();
  const tick = async () => {
    for (const job of jobs) {
      if (stopping) return;
      await runMeasured(job, db, clock, heartbeat);
    }
  };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tickDone = tick().finally(() => {
      running = false;
    });
  }, intervalMs);
  const beat = setInterval(() => {
    if (!heartbeat.running) heartbeat.beatAt = Date.now();
  }, BEAT_EVERY_MS);
  timer.unref();
  beat.unref();
  registry.customerConsoleJobRunners ??= new Set();
  const runners = registry.customerConsoleJobRunners;
  const stop: StopJobRunner = () => {
    stopping = true;
    clearInterval(timer);
    clearInterval(beat);
    stopHeartbeat(heartbeat);
    runners.delete(stop);
    return tickDone;
  };
  runners.add(stop);
  return stop;
}

/**
 * Stops every runner of this process (start.ts, on SIGTERM): each finishes the job it is in
 * the middle of, whose steps are transactions, so a shutdown never leaves a step half-done.
 */
export async function stopJobRunners(): Promise<void> {
  await Promise.all([...(registry.customerConsoleJobRunners ?? [])].map((stop) => stop()));
}
