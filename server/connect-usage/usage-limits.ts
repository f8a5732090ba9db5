import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Database, Queryable, Transaction } from "@/db/client";
import { connectUsageAlerts } from "@/db/schema";
import { noRequest, systemActor } from "../actor";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../clock";
import type { DomainContext } from "../domain-context";
import { connectLimits, requestsThisMonth, usageMonth } from "./usage-period";

/** Share of the monthly API requests at which managers are warned. */
export const WARNING_SHARE = 0.8;

const metering = (clock: Clock): DomainContext => ({
  actor: systemActor("Claris Connect metering"),
  clock,
  request: noRequest,
});

/** Takes turns per team, so two reports at once raise each alert once. */
async function lockTeamLimits(tx: Transaction, teamId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`connect-limits:${teamId}`}, 0))`);
}

/**
 * Raises this month's alerts the usage has reached: a warning at 80 % of the monthly API requests,
 * and at 100 % the team's flows are suspended. Each alert is raised once per month and limit, and
 * recorded as an audit event, from which managers are notified.
 */
export async function applyUsageLimits(tx: Transaction, clock: Clock, teamId: string): Promise<void> {
  await lockTeamLimits(tx, teamId);
  const limits = await connectLimits(tx, teamId);
  if (!limits) return;
  const now = clock.now();
  const used = await requestsThisMonth(tx, teamId, now);
  const month = usageMonth(now);
  const facts = { month, requests: used, requestLimit: limits.monthlyRequests };
  const raise = async (level: "warning" | "limit") => {
    const [raised] = await tx
      .insert(connectUsageAlerts)
      .values({ teamId, month, level, requestLimit: limits.monthlyRequests, raisedAt: now })
      .onConflictDoNothing()
      .returning({ month: connectUsageAlerts.month });
    return raised !== undefined;
  };
  if (used >= Math.ceil(limits.monthlyRequests * WARNING_SHARE) && (await raise("warning"))) {
    await recordAudit(tx, {
      ...auditContext(metering(clock)),
      teamId,
      action: "connect.usage_warning",
      target: { type: "team", id: teamId },
      after: { ...facts, percent: Math.floor((used / limits.monthlyRequests) * 100) },
    });
  }
  if (used >= limits.monthlyRequests && (await raise("limit"))) {
    await recordAudit(tx, {
      ...auditContext(metering(clock)),
      teamId,
      action: "connect.flows_suspended",
      target: { type: "team", id: teamId },
      after: facts,
    });
  }
}

/** Since when the team's flows are suspended this month, or null. */
export async function flowsSuspendedSince(db: Queryable, teamId: string, now: Date): Promise<Date | null> {
  const [suspension] = await db
    .select({ raisedAt: connectUsageAlerts.raisedAt })
    .from(connectUsageAlerts)
    .where(
      and(
        eq(connectUsageAlerts.teamId, teamId),
        eq(connectUsageAlerts.month, usageMonth(now)),
        eq(connectUsageAlerts.level, "limit"),
        isNull(connectUsageAlerts.liftedAt),
      ),
    )
    .limit(1);
  return suspension?.raisedAt ?? null;
}

/**
 * After a subscription change: an upgrade that leaves this month's usage under the new limit
 * lifts the suspension at once, in the change's transaction and in the name of whoever changed it.
 */
export async function liftSuspensionWithinLimit(tx: Transaction, ctx: DomainContext, teamId: string): Promise<void> {
  await lockTeamLimits(tx, teamId);
  const now = ctx.clock.now();
  if (!(await flowsSuspendedSince(tx, teamId, now))) return;
  const limits = await connectLimits(tx, teamId);
  const used = await requestsThisMonth(tx, teamId, now);
  if (!limits || used >= limits.monthlyRequests) return;
  await resume(tx, ctx, teamId, usageMonth(now), {
    reason: "upgrade",
    requests: used,
    requestLimit: limits.monthlyRequests,
  });
}

/** The job: suspensions of a past month end when the month does. */
export async function resumeFlowsInNewMonth(db: Database, clock: Clock): Promise<{ resumed: number }> {
  const month = usageMonth(clock.now());
  const due = await db
    .selectDistinct({ teamId: connectUsageAlerts.teamId, month: connectUsageAlerts.month })
    .from(connectUsageAlerts)
    .where(
      and(
        eq(connectUsageAlerts.level, "limit"),
        isNull(connectUsageAlerts.liftedAt),
        lt(connectUsageAlerts.month, month),
      ),
    )
    .limit(500);
  let resumed = 0;
  for (const row of due) {
    await db.transaction(async (tx) => {
      await lockTeamLimits(tx, row.teamId);
      if (await resume(tx, metering(clock), row.teamId, row.month, { reason: "new_month", month })) resumed++;
    });
  }
  return { resumed };
}

async function resume(
  tx: Transaction,
  ctx: DomainContext,
  teamId: string,
  month: string,
  after: Record<string, unknown>,
): Promise<boolean> {
  const lifted = await tx
    .update(connectUsageAlerts)
    .set({ liftedAt: ctx.clock.now() })
    .where(
      and(
        eq(connectUsageAlerts.teamId, teamId),
        eq(connectUsageAlerts.month, month),
        eq(connectUsageAlerts.level, "limit"),
        isNull(connectUsageAlerts.liftedAt),
      ),
    )
    .returning({ month: connectUsageAlerts.month });
  if (lifted.length === 0) return false;
  await recordAudit(tx, {
    ...auditContext(ctx),
    teamId,
    action: "connect.flows_resumed",
    target: { type: "team", id: teamId },
    after,
  });
  return true;
}
