import { lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { failedSignInCounters } from "@/db/schema";
import type { Clock } from "../clock";
import { FAILED_SIGN_IN_WINDOW_MS } from "./alert-rules";

/** Deletes failed sign-in counters whose window is over: the next failure starts a new one anyway. */
export async function runForgetAlertCountersJob(db: Database, clock: Clock): Promise<{ forgotten: number }> {
  const over = new Date(clock.now().getTime() - FAILED_SIGN_IN_WINDOW_MS);
  const forgotten = await db
    .delete(failedSignInCounters)
    .where(lte(failedSignInCounters.windowStartedAt, over))
    .returning({ key: failedSignInCounters.key });
  return { forgotten: forgotten.length };
}
