import { and, asc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { hosts, invoices, subscriptions, teams } from "@/db/schema";
import { noRequest, systemActor } from "../actor";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../clock";
import type { DomainContext } from "../domain-context";
import { writeInvoice } from "./invoices";
import { sendNotice } from "./notices";
import { periodEndAfter } from "./periods";
import { quotePeriod } from "./proration";
import { purgeDateOf, RETENTION_DAYS, type SubscriptionRow, termsOf } from "./subscription-record";

/** Upper bound of subscriptions one run handles, so a run always ends; the next run goes on. */
const MAX_PER_RUN = 500;

/**
 * The subscription job, run by every server every few seconds:
 *
 * 1. a subscription with an overdue open invoice becomes past due;
 * 2. a subscription at its period end is renewed (new period, new invoice), unless it was
 *    cancelled, is unpaid (past due) or is a trial nobody paid for: then it ends and the
 *    team is terminated (hosts stop, 45 days to download, then the purge).
 *
 * Each subscription is claimed with FOR UPDATE SKIP LOCKED in a transaction of its own and
 * leaves the claimable state in it, so servers running this at once never handle one twice;
 * the renewal invoice's idempotency key ("renewal:<period start>") guards that once more.
 */
export async function runSubscriptionJob(
  db: Database,
  clock: Clock,
): Promise<{ pastDue: number; renewed: number; ended: number }> {
  const ctx: DomainContext = { actor: systemActor("Subscription renewal"), clock, request: noRequest };
  const result = { pastDue: 0, renewed: 0, ended: 0 };

  for (let i = 0; i < MAX_PER_RUN; i++) {
    const handled = await db.transaction(async (tx) => {
      const now = clock.now();
      const overdueTeams = tx
        .select({ teamId: invoices.teamId })
        .from(invoices)
        .where(and(eq(invoices.status, "open"), lte(invoices.dueAt, now), gt(invoices.totalCents, 0)));
      const [row] = await tx
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.status, "active"), inArray(subscriptions.teamId, overdueTeams)))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return false;
      await markPastDue(tx, ctx, row);
      return true;
    });
    if (!handled) break;
    result.pastDue += 1;
  }

  for (let i = 0; i < MAX_PER_RUN; i++) {
    const outcome = await db.transaction(async (tx) => {
      const now = clock.now();
      const [row] = await tx
        .select()
        .from(subscriptions)
        .where(
          and(
            inArray(subscriptions.status, ["active", "past_due", "trialing"]),
            lte(subscriptions.currentPeriodEnd, now),
          ),
        )
        .orderBy(asc(subscriptions.currentPeriodEnd))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return null;
      if (row.status === "trialing") return endSubscription(tx, ctx, row, "expired", "trial");
      if (row.cancelAtPeriodEnd) return endSubscription(tx, ctx, row, "cancelled", "cancelled");
      if (row.status === "past_due") return endSubscription(tx, ctx, row, "expired", "unpaid");
      return renew(tx, ctx, row);
    });
    if (!outcome) break;
    result[outcome] += 1;
  }
  return result;
}

async function markPastDue(tx: Transaction, ctx: DomainContext, row: SubscriptionRow): Promise<void> {
  const now = ctx.clock.now();
  const [team] = await tx.select().from(teams).where(eq(teams.id, row.teamId)).for("no key update");
  await tx
    .update(subscriptions)
    .set({ status: "past_due", version: row.version + 1, updatedAt: now })
    .where(eq(subscriptions.id, row.id));
  if (team?.status === "active") await tx.update(teams).set({ status: "past_due" }).where(eq(teams.id, row.teamId));
  await recordAudit(tx, {
    ...auditContext(ctx),
    teamId: row.teamId,
    action: "subscription.past_due",
    target: { type: "subscription", id: row.id },
    before: { status: row.status },
    after: { status: "past_due" },
  });
  await sendNotice(tx, {
    teamId: row.teamId,
    kind: "past_due",
    reference: `version:${row.version + 1}`,
    now,
    write: (t) => ({
      subject: t("billing.pastDue.subject", { team: team?.name ?? t("billing.someTeamStart") }),
      text: t("billing.pastDue.text", {
        team: team?.name ?? t("billing.someTeam"),
        endsOn: row.currentPeriodEnd,
      }),
    }),
  });
}

async function renew(tx: Transaction, ctx: DomainContext, row: SubscriptionRow): Promise<"renewed"> {
  const now = ctx.clock.now();
  const terms = termsOf(row);
  const start = row.currentPeriodEnd;
  const end = periodEndAfter(row.billingAnchor, row.billingPeriod, start);
  const quote = quotePeriod(terms, start, end);
  const [team] = await tx.select().from(teams).where(eq(teams.id, row.teamId)).for("no key update");
  await tx
    .update(subscriptions)
    .set({ currentPeriodStart: start, currentPeriodEnd: end, version: row.version + 1, updatedAt: now })
    .where(eq(subscriptions.id, row.id));
  const invoice = await writeInvoice(tx, {
    teamId: row.teamId,
    subscriptionId: row.id,
    quote,
    issuedAt: now,
    idempotencyKey: `renewal:${start.toISOString()}`,
  });
  await recordAudit(tx, {
    ...auditContext(ctx),
    teamId: row.teamId,
    action: "subscription.renewed",
    target: { type: "subscription", id: row.id },
    before: { periodStart: row.currentPeriodStart, periodEnd: row.currentPeriodEnd },
    after: { periodStart: start, periodEnd: end, invoice: invoice.number, totalCents: invoice.totalCents },
  });
  await sendNotice(tx, {
    teamId: row.teamId,
    kind: "renewed",
    reference: invoice.id,
    now,
    write: (t, money) => ({
      subject: t("billing.renewed.subject", { team: team?.name ?? t("billing.someTeamStart") }),
      text: t("billing.renewed.text", {
        team: team?.name ?? t("billing.someTeam"),
        endsOn: end,
        invoice: invoice.number,
        total: money(invoice.totalCents),
      }),
    }),
  });
  return "renewed";
}

/** Why a subscription ended, as the audit log says it; the owner's mail says it in their language. */
const END_REASONS = {
  trial: "the trial ended without a payment method",
  cancelled: "it was cancelled",
  unpaid: "invoices were not paid",
} as const;
type EndReason = keyof typeof END_REASONS;

/**
 * Ends the subscription and terminates the team. The 45 days count from the period end,
 * not from when the job noticed, so a late run costs the customer nothing.
 */
async function endSubscription(
  tx: Transaction,
  ctx: DomainContext,
  row: SubscriptionRow,
  status: "cancelled" | "expired",
  why: EndReason,
): Promise<"ended"> {
  const now = ctx.clock.now();
  const terminatedAt = row.currentPeriodEnd;
  const [team] = await tx.select().from(teams).where(eq(teams.id, row.teamId)).for("no key update");
  await tx
    .update(subscriptions)
    .set({ status, version: row.version + 1, updatedAt: now })
    .where(eq(subscriptions.id, row.id));
  await tx.update(teams).set({ status: "terminated", terminatedAt }).where(eq(teams.id, row.teamId));
  const stopped = await tx
    .update(hosts)
    .set({ status: "stopped" })
    .where(and(eq(hosts.teamId, row.teamId), inArray(hosts.status, ["provisioning", "running", "restarting"])))
    .returning({ id: hosts.id });
  await recordAudit(tx, {
    ...auditContext(ctx),
    teamId: row.teamId,
    action: "team.terminated",
    target: { type: "team", id: row.teamId },
    before: { teamStatus: team?.status, subscriptionStatus: row.status },
    after: {
      teamStatus: "terminated",
      subscriptionStatus: status,
      reason: END_REASONS[why],
      terminatedAt,
      purgeAt: purgeDateOf(terminatedAt),
      hostsStopped: stopped.length,
    },
  });
  await sendNotice(tx, {
    teamId: row.teamId,
    kind: "terminated",
    reference: terminatedAt.toISOString(),
    now,
    write: (t) => ({
      subject: t("billing.terminated.subject", {
        team: team?.name ?? t("billing.someTeamStart"),
        retentionDays: RETENTION_DAYS,
      }),
      text: t("billing.terminated.text", {
        team: team?.name ?? t("billing.someTeam"),
        endedOn: terminatedAt,
        reason: why,
        purgeOn: purgeDateOf(terminatedAt),
      }),
    }),
  });
  return "ended";
}
