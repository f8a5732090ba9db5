/**
 * What the job runner tells /readyz and /metrics: that it is alive (it beats while it waits,
 * however long the interval) and not stuck (the job it is running started less than two minutes
 * ago). Kept on globalThis: the runner runs in Next's bundle, /readyz in the HTTP server.
 */
export interface JobRunnerHeartbeat {
  intervalMs: number;
  /** The last sign of life: the start or end of a job, or a beat while waiting (ms since the epoch). */
  beatAt: number;
  /** The job running now, and since when. */
  running: { job: string; since: number } | null;
  /** When each job last completed, failed runs included. */
  completedAt: Map<string, number>;
}

/** How often the runner beats while it waits for its next tick. */
export const BEAT_EVERY_MS = 15_000;

const holder = globalThis as typeof globalThis & { customerConsoleJobRunner?: JobRunnerHeartbeat };

export function startHeartbeat(intervalMs: number, now: number): JobRunnerHeartbeat {
  holder.customerConsoleJobRunner = { intervalMs, beatAt: now, running: null, completedAt: new Map() };
  return holder.customerConsoleJobRunner;
}

/** The runner's heartbeat, or undefined before it starts and after it stops. */
export function jobRunnerHeartbeat(): JobRunnerHeartbeat | undefined {
  return holder.customerConsoleJobRunner;
}

export function stopHeartbeat(heartbeat: JobRunnerHeartbeat): void {
  if (holder.customerConsoleJobRunner === heartbeat) holder.customerConsoleJobRunner = undefined;
}
