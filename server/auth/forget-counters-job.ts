import "server-only";
import { and, isNull, lt, lte, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rateLimits, signInThrottles } from "@/db/schema";
import type { Clock } from "../clock";
import { HOUR_MS } from "./rate-limits";
import { FAILURE_MEMORY_MS } from "./throttle";

/** Every budget's window lasts at most this long (see the budgets beside their callers). */
const LONGEST_BUDGET_WINDOW_MS = HOUR_MS;

/**
 * Deletes sign-in failure counts and hourly budgets that no longer count: their keys name
 * email addresses and client IPs, which are kept no longer than they protect anything. A
 * deleted row behaves exactly as the expired one did.
 */
export async function runForgetCountersJob(
  db: Database,
  clock: Clock,
): Promise<{ throttles: number; budgets: number }> {
  const now = clock.now();
  const throttles = await db
    .delete(signInThrottles)
    .where(
      and(
        lt(signInThrottles.lastFailureAt, new Date(now.getTime() - FAILURE_MEMORY_MS)),
        or(isNull(signInThrottles.lockedUntil), lte(signInThrottles.lockedUntil, now)),
      ),
    )
    .returning({ key: signInThrottles.key });
  const budgets = await db
    .delete(rateLimits)
    .where(lte(rateLimits.windowStartedAt, new Date(now.getTime() - LONGEST_BUDGET_WINDOW_MS)))
    .returning({ key: rateLimits.key });
  return { throttles: throttles.length, budgets: budgets.length };
}
