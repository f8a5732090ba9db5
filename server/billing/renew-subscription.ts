import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teams } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { type ChargeResult, chargeOnce } from "./charge-once";
import { writeInvoice } from "./invoices";
import { sendNotice } from "./notices";
import { addMonths, monthsIn } from "./periods";
import { CURRENCY } from "./plan-catalog";
import { type Quote, quotePeriod } from "./proration";
import {
  fingerprint,
  readSubscription,
  requireVersion,
  retentionDaysLeft,
  type SubscriptionRow,
  saveSubscriptionChange,
  type TeamRow,
  termsOf,
} from "./subscription-record";

function requireRenewable(subscription: SubscriptionRow, team: TeamRow, now: Date): void {
  if (team.status === "purged") throw new DomainError("SUBSCRIPTION_STATE", "thisTeamSDataHasBeen");
  if (team.status !== "terminated" || !team.terminatedAt) {
    throw new DomainError(
      "SUBSCRIPTION_STATE",
      subscription.cancelAtPeriodEnd ? "subscriptionNotEndedReactivate" : "subscriptionRunning",
    );
  }
  if (retentionDaysLeft(team.terminatedAt, now) <= 0) {
    throw new DomainError("SUBSCRIPTION_STATE", "the45DaysToRenewHave");
  }
}

function renewalQuote(subscription: SubscriptionRow, now: Date): Quote {
  const terms = termsOf(subscription);
  return quotePeriod(terms, now, addMonths(now, monthsIn(terms.billingPeriod)));
}

/** What renewing a terminated team costs: a whole new period of the same terms, from today. */
export async function previewRenewal(db: Queryable, ctx: DomainContext, teamId: string) {
  const now = ctx.clock.now();
  const { subscription, team } = await readSubscription(db, teamId);
  requireRenewable(subscription, team, now);
  return { idempotencyKey: randomUUID(), version: subscription.version, quote: renewalQuote(subscription, now) };
}

/**
 * Renews a terminated team within the 45 days: the same terms start a new period now, the
 * team is active again and nothing is purged. Idempotent and version-checked like a change.
 */
export async function renewSubscription(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; idempotencyKey: string; expectedVersion: number; expectedTotalCents: number },
): Promise<ChargeResult> {
  const requestFingerprint = fingerprint({ kind: "renew" });
  const key = {
    ...input,
    requestFingerprint,
    mismatch: "confirmationUsedPreviewRenewal" as const,
  };
  return chargeOnce<ChargeResult>(
    db,
    key,
    (earlier) => ({ invoice: earlier.invoice, version: earlier.version, replayed: true }),
    async (tx, { subscription, team }) => {
      const now = ctx.clock.now();
      requireVersion(subscription, input.expectedVersion);
      requireRenewable(subscription, team, now);
      const quote = renewalQuote(subscription, now);
      if (quote.totalCents !== input.expectedTotalCents) {
        throw new DomainError("CONFLICT", "priceChangedPreviewRenewal", {
          price: { cents: quote.totalCents, currency: CURRENCY },
        });
      }
      const updated = await saveSubscriptionChange(
        tx,
        subscription,
        input.expectedVersion,
        {
          status: "active",
          cancelAtPeriodEnd: false,
          cancelReason: null,
          cancelRequestedAt: null,
          currentPeriodStart: now,
          currentPeriodEnd: quote.periodEnd,
          billingAnchor: now,
        },
        now,
      );
      await tx.update(teams).set({ status: "active", terminatedAt: null }).where(eq(teams.id, team.id));
      const invoice = await writeInvoice(tx, {
        teamId: team.id,
        subscriptionId: subscription.id,
        quote,
        issuedAt: now,
        idempotencyKey: input.idempotencyKey,
        requestFingerprint,
      });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: team.id,
        action: "subscription.renewed",
        target: { type: "subscription", id: subscription.id },
        before: { status: subscription.status, teamStatus: team.status, terminatedAt: team.terminatedAt },
        after: {
          status: "active",
          teamStatus: "active",
          periodEnd: quote.periodEnd,
          invoice: invoice.number,
          totalCents: invoice.totalCents,
        },
      });
      await sendNotice(tx, {
        teamId: team.id,
        kind: "renewed",
        reference: invoice.id,
        now,
        write: (t, money) => {
          const values = {
            team: team.name,
            invoice: invoice.number,
            total: money(invoice.totalCents),
            endsOn: quote.periodEnd,
          };
          return { subject: t("billing.renewedAgain.subject", values), text: t("billing.renewedAgain.text", values) };
        },
      });
      return {
        invoice: { id: invoice.id, number: invoice.number, totalCents: invoice.totalCents },
        version: updated.version,
        replayed: false,
      };
    },
  );
}
