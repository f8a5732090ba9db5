import type { Database } from "@/db/client";
import type { Clock } from "../clock";
import { logger } from "../logger";

export interface Job {
  name: string;
  /** Must be idempotent and safe while other servers run it too. */
  run(db: Database, clock: Clock): Promise<unknown>;
}

/**
 * Runs every job now and then inside the app server. Jobs keep their state in PostgreSQL and
 * claim work with row locks, so every server may run this loop.
 */
export function startJobRunner(db: Database, clock: Clock, jobs: Job[], intervalMs = 5_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    for (const job of jobs) {
      try {
        const result = await job.run(db, clock);
        logger.debug({ job: job.name, result }, "job ran");
      } catch (error) {
        logger.error({ job: job.name, err: error }, "job failed");
      }
    }
    running = false;
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
