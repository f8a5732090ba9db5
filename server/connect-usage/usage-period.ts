import { and, eq, gte, sum } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { connectUsage, subscriptions } from "@/db/schema";
import { isoDay, startOfMonth } from "../billing/periods";
import { findPlan } from "../billing/plan-catalog";

/** The calendar month (UTC) usage is counted in, as YYYY-MM. */
export function usageMonth(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** What a Connect team's running contract allows: flows switched on and API requests a month; null without one. */
export async function connectLimits(
  db: Queryable,
  teamId: string,
): Promise<{ flows: number; monthlyRequests: number } | null> {
  const [subscription] = await db
    .select({
      planCode: subscriptions.planCode,
      planVersion: subscriptions.planVersion,
      extraRequests: subscriptions.extraRequests,
      status: subscriptions.status,
    })
    .from(subscriptions)
    .where(eq(subscriptions.teamId, teamId));
  if (!subscription || subscription.status === "expired" || subscription.status === "cancelled") return null;
  const plan = findPlan(subscription.planCode, subscription.planVersion);
  if (plan?.product !== "claris_connect") return null;
  return { flows: plan.flows, monthlyRequests: plan.monthlyRequests + subscription.extraRequests };
}

/** API requests the team's flows made this calendar month. */
export async function requestsThisMonth(db: Queryable, teamId: string, now: Date): Promise<number> {
  const [month] = await db
    .select({ requests: sum(connectUsage.requests) })
    .from(connectUsage)
    .where(and(eq(connectUsage.teamId, teamId), gte(connectUsage.day, isoDay(startOfMonth(now)))));
  return Number(month?.requests ?? 0);
}
