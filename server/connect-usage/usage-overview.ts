import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { connectUsage } from "@/db/schema";
import { addMonths, isoDay, startOfMonth, startOfNextMonth } from "../billing/periods";
import { flowsSuspendedSince, WARNING_SHARE } from "./usage-limits";
import { connectLimits, requestsThisMonth, usageMonth } from "./usage-period";

/** The months the usage chart shows, this one included. */
export const CHART_MONTHS = 12;

/** What a Claris Connect team's Home shows of its usage: now, against its limits, and over the last 12 months. */
export async function connectUsageOverview(db: Queryable, teamId: string, now: Date) {
  const limits = await connectLimits(db, teamId);
  const [latest] = await db
    .select({ activeFlows: connectUsage.activeFlows })
    .from(connectUsage)
    .where(eq(connectUsage.teamId, teamId))
    .orderBy(desc(connectUsage.day))
    .limit(1);
  const firstMonth = addMonths(startOfMonth(now), -(CHART_MONTHS - 1));
  const monthOf = sql<string>`to_char(${connectUsage.day}, 'YYYY-MM')`;
  const totals = await db
    .select({ month: monthOf, requests: sql<string>`sum(${connectUsage.requests})` })
    .from(connectUsage)
    .where(and(eq(connectUsage.teamId, teamId), gte(connectUsage.day, isoDay(firstMonth))))
    .groupBy(monthOf);
  const byMonth = new Map(totals.map((row) => [row.month, Number(row.requests)]));
  const months = Array.from({ length: CHART_MONTHS }, (_, index) => {
    const month = usageMonth(addMonths(firstMonth, index));
    return { month, requests: byMonth.get(month) ?? 0 };
  });
  const requests = await requestsThisMonth(db, teamId, now);
  return {
    flows: { used: latest?.activeFlows ?? 0, limit: limits?.flows ?? 0 },
    requests: {
      used: requests,
      limit: limits?.monthlyRequests ?? 0,
      warnAt: Math.ceil((limits?.monthlyRequests ?? 0) * WARNING_SHARE),
      resetsAt: startOfNextMonth(now),
    },
    flowsSuspendedSince: await flowsSuspendedSince(db, teamId, now),
    months,
  };
}
