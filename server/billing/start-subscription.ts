import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { subscriptions, teams } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { writeInvoice } from "./invoices";
import { addMonths, monthsIn } from "./periods";
import { currentPlan } from "./plan-catalog";
import { quotePeriod } from "./proration";
import { termsOf } from "./subscription-record";

export const TRIAL_DAYS = 14;

/**
 * The team's first contract. A paid start makes the team active for one billing period and
 * writes the opening invoice; a trial runs 14 days free and converts to paid when the owner
 * adds a payment method (server/billing/payment-method.ts), or ends.
 */
export async function startSubscription(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; planCode: string; billingPeriod: "monthly" | "annual"; seats: number; trial?: boolean },
): Promise<{ id: string; invoiceId: string | null }> {
  const plan = currentPlan(input.planCode);
  if (!plan) throw new DomainError("INVALID_INPUT", "thereIsNoPlan", { planCode: input.planCode });
  const now = ctx.clock.now();
  const periodEnd = input.trial
    ? new Date(now.getTime() + TRIAL_DAYS * DAY_MS)
    : addMonths(now, monthsIn(input.billingPeriod));

  return db.transaction(async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, input.teamId)).for("no key update");
    if (!team) throw new DomainError("NOT_FOUND", "thisTeamDoesNotExist");
    if (team.product !== plan.product)
      throw new DomainError("INVALID_INPUT", "planIsNotForThisTeam", { planName: plan.name });
    if (input.seats < plan.minimumSeats) {
      throw new DomainError("INVALID_INPUT", "planNeedsAtLeastSeats", {
        planName: plan.name,
        minimumSeats: plan.minimumSeats,
      });
    }
    const teamStatus = input.trial ? "trial" : "active";
    const [subscription] = await tx
      .insert(subscriptions)
      .values({
        teamId: team.id,
        contractNumber: `C-${now.getUTCFullYear()}-${randomInt(10_000_000, 99_999_999)}`,
        planCode: plan.code,
        planVersion: plan.version,
        billingPeriod: input.billingPeriod,
        status: input.trial ? "trialing" : "active",
        seats: input.seats,
        startedAt: now,
        currentPeriodStart: now,
        currentPeriodEnd: periodEnd,
        billingAnchor: now,
        trialEndsAt: input.trial ? periodEnd : null,
        updatedAt: now,
      })
      .returning();
    await tx.update(teams).set({ status: teamStatus }).where(eq(teams.id, team.id));
    const invoice = input.trial
      ? null
      : await writeInvoice(tx, {
          teamId: team.id,
          subscriptionId: subscription!.id,
          quote: quotePeriod(termsOf(subscription!), now, periodEnd),
          issuedAt: now,
          idempotencyKey: "opening",
        });
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: team.id,
      action: input.trial ? "subscription.trial_started" : "subscription.started",
      target: { type: "subscription", id: subscription!.id },
      before: { teamStatus: team.status },
      after: {
        plan: plan.code,
        planVersion: plan.version,
        billingPeriod: input.billingPeriod,
        seats: input.seats,
        teamStatus,
        ...(input.trial ? { trialEndsAt: periodEnd } : { invoice: invoice!.number, totalCents: invoice!.totalCents }),
      },
    });
    return { id: subscription!.id, invoiceId: invoice?.id ?? null };
  });
}
