import "server-only";
import { and, eq, gt, gte, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { type Refusal, refusal } from "../i18n/refusal-format";

export const HOUR_MS = 60 * 60 * 1000;

/** So many uses of one kind per subject (an address, an IP, an account) in a window. */
export interface Budget {
  name: string;
  limit: number;
  windowMs: number;
}

/** `resetAt`: when the window ends and the budget is whole again. */
export type Spending = { allowed: true; used: number; resetAt: Date } | { allowed: false; retryAt: Date };

function keyOf(budget: Budget, subject: string): string {
  return `${budget.name}:${subject}`;
}

/**
 * Takes one use from the subject's budget in a single statement, so that concurrent requests
 * on several servers all count. A window opens at the first use and lasts `windowMs`; a use
 * beyond the limit is refused until the window ends.
 */
export async function spend(db: Queryable, budget: Budget, subject: string, now: Date): Promise<Spending> {
  const windowOver = sql`${rateLimits.windowStartedAt} <= ${new Date(now.getTime() - budget.windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: keyOf(budget, subject), used: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        // Capped, so refused attempts cannot grow the count without end.
        used: sql`case when ${windowOver} then 1 else least(${rateLimits.used} + 1, ${budget.limit + 1}) end`,
        windowStartedAt: sql`case when ${windowOver} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning();
  const resetAt = new Date(row!.windowStartedAt.getTime() + budget.windowMs);
  if (row!.used <= budget.limit) return { allowed: true, used: row!.used, resetAt };
  return { allowed: false, retryAt: resetAt };
}

/** When the subject's budget opens again if nothing is left of it, else null. Spends nothing. */
export async function exhaustedUntil(db: Queryable, budget: Budget, subject: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ windowStartedAt: rateLimits.windowStartedAt })
    .from(rateLimits)
    .where(
      and(
        eq(rateLimits.key, keyOf(budget, subject)),
        gte(rateLimits.used, budget.limit),
        gt(rateLimits.windowStartedAt, new Date(now.getTime() - budget.windowMs)),
      ),
    );
  return row ? new Date(row.windowStartedAt.getTime() + budget.windowMs) : null;
}

/** "Try again after 09:15 UTC (in 15 minutes)" */
export function tryAgainAfter(until: Date, now: Date): Refusal {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return refusal("tryAgainAfter", { time: until.toISOString().slice(11, 16), minutes });
}
