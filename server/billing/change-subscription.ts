import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { formatNumber } from "@/lib/format";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { liftSuspensionWithinLimit } from "../connect-usage/usage-limits";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { seatsInUse } from "../members/seats";
import { type ChargeResult, chargeOnce } from "./charge-once";
import { writeInvoice } from "./invoices";
import { sendNotice } from "./notices";
import { type AddOnKind, addOnOf, CURRENCY, currentPlan } from "./plan-catalog";
import { type ContractTerms, type Quote, quoteChange } from "./proration";
import {
  fingerprint,
  readSubscription,
  requireRunning,
  requireVersion,
  type SubscriptionRow,
  saveSubscriptionChange,
  type TeamRow,
  termsOf,
  termsRecord,
} from "./subscription-record";
import { measureUsage } from "./usage";

const quantity = z.number().int().min(0).max(1_000_000_000);

/** What the owner asks to change; anything left out stays as it is. */
export const subscriptionChangeSchema = z
  .object({
    planCode: z.string().min(1).max(64).optional(),
    billingPeriod: z.enum(["monthly", "annual"]).optional(),
    seats: z.number().int().min(0).max(100_000).optional(),
    extraStorageGb: quantity.optional(),
    extraDataTransferGb: quantity.optional(),
    extraRequests: quantity.optional(),
  })
  .strict();

export type SubscriptionChange = z.infer<typeof subscriptionChangeSchema>;

/** Client keys are UUID-like; system keys ("renewal:…") contain a colon, so the two never meet. */
export const idempotencyKeySchema = z
  .string()
  .min(16)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, "use letters, digits, dashes and underscores only");

/** The contract after the change, checked against the catalog, the product and what the team uses. */
async function nextTerms(
  db: Queryable,
  subscription: SubscriptionRow,
  team: TeamRow,
  change: SubscriptionChange,
  now: Date,
): Promise<{ current: ContractTerms; next: ContractTerms }> {
  const current = termsOf(subscription);
  let plan = current.plan;
  if (change.planCode !== undefined && change.planCode !== current.plan.code) {
    const chosen = currentPlan(change.planCode);
    if (!chosen || chosen.product !== team.product) {
      throw new DomainError("INVALID_INPUT", "thereIsNoPlanForThis", { planCode: change.planCode });
    }
    plan = chosen;
  }
  const fileMaker = team.product === "filemaker_cloud";
  const next: ContractTerms = {
    plan,
    billingPeriod: change.billingPeriod ?? current.billingPeriod,
    seats: change.seats ?? current.seats,
    extraStorageGb: change.extraStorageGb ?? current.extraStorageGb,
    extraDataTransferGb: change.extraDataTransferGb ?? current.extraDataTransferGb,
    extraRequests: change.extraRequests ?? current.extraRequests,
  };

  if (!fileMaker && next.seats !== 0) {
    throw new DomainError("INVALID_INPUT", "clarisConnectPlansHaveNoSeats");
  }
  for (const [kind, amount] of [
    ["storage", next.extraStorageGb],
    ["dataTransfer", next.extraDataTransferGb],
    ["requests", next.extraRequests],
  ] as Array<[AddOnKind, number]>) {
    if (amount === 0) continue;
    const addOn = addOnOf(plan, kind);
    if (!addOn) throw new DomainError("INVALID_INPUT", "addOnNotAvailable", { addOn: kind, planName: plan.name });
    if (amount % addOn.unitSize !== 0) {
      throw new DomainError("INVALID_INPUT", "addOnSteps", { addOn: kind, unitSize: addOn.unitSize });
    }
  }
  if (fileMaker && next.seats < plan.minimumSeats) {
    throw new DomainError("INVALID_INPUT", "needsAtLeastSeatsChooseOr", {
      planName: plan.name,
      minimumSeats: plan.minimumSeats,
    });
  }
  if (JSON.stringify(termsRecord(next)) === JSON.stringify(termsRecord(current))) {
    throw new DomainError("INVALID_INPUT", "nothingToChangeTheSubscriptionAlready");
  }

  // Never below what the team uses: say what must change first.
  if (fileMaker && next.seats < current.seats) {
    const used = await seatsInUse(db, team.id, now);
    if (used > next.seats) {
      throw new DomainError("IN_USE", "membersLicensedKeepSeats", { used, remove: used - next.seats });
    }
  }
  const usage = await measureUsage(db, team, subscription.startedAt, now);
  const currentPlanName = current.plan.name;
  if (fileMaker) {
    const storageLimit = next.plan.includedStorageGb + next.extraStorageGb;
    if (usage.storageGb > storageLimit && storageLimit < current.plan.includedStorageGb + current.extraStorageGb) {
      const over = Math.ceil(usage.storageGb - storageLimit);
      throw new DomainError("IN_USE", "storageInUse", {
        storageGb: usage.storageGb,
        planName: next.plan.name,
        storageLimit,
        over,
        extra: roundUp(over, addOnOf(next.plan, "storage")?.unitSize),
      });
    }
    const transferLimit = next.plan.includedDataTransferGb + next.extraDataTransferGb;
    if (
      usage.dataTransferGb > transferLimit &&
      transferLimit < current.plan.includedDataTransferGb + current.extraDataTransferGb
    ) {
      const over = Math.ceil(usage.dataTransferGb - transferLimit);
      throw new DomainError("IN_USE", "dataTransferUsed", {
        dataTransferGb: usage.dataTransferGb,
        planName: next.plan.name,
        transferLimit,
        extra: roundUp(over, addOnOf(next.plan, "dataTransfer")?.unitSize),
        currentPlanName,
      });
    }
  } else {
    if (usage.flows > next.plan.flows && next.plan.flows < current.plan.flows) {
      throw new DomainError("IN_USE", "flowsSwitchedOn", {
        flows: usage.flows,
        planName: next.plan.name,
        allowed: next.plan.flows,
        switchOff: usage.flows - next.plan.flows,
        currentPlanName,
      });
    }
    const requestLimit = next.plan.monthlyRequests + next.extraRequests;
    if (usage.requests > requestLimit && requestLimit < current.plan.monthlyRequests + current.extraRequests) {
      throw new DomainError("IN_USE", "apiRequestsMade", {
        requests: usage.requests,
        planName: next.plan.name,
        requestLimit,
        extra: roundUp(usage.requests - requestLimit, addOnOf(next.plan, "requests")?.unitSize),
        currentPlanName,
        resetOn: usage.requestsResetAt,
      });
    }
  }
  return { current, next };
}

function roundUp(amount: number, step = 1): number {
  return Math.ceil(amount / step) * step;
}

function quoteFor(subscription: SubscriptionRow, current: ContractTerms, next: ContractTerms, now: Date): Quote {
  return quoteChange({
    current,
    next,
    periodStart: subscription.currentPeriodStart,
    periodEnd: subscription.currentPeriodEnd,
    now,
    trial: subscription.status === "trialing",
  });
}

/** Plain description of a contract, for the preview and for mails. */
export function describeTerms(terms: ContractTerms) {
  return {
    ...termsRecord(terms),
    planName: terms.plan.name,
    pricedPer: terms.plan.pricedPer,
  };
}

export interface ChangePreview {
  /** Send it back with the confirmation: a retried or double-clicked confirmation charges once. */
  idempotencyKey: string;
  /** The subscription version the preview was computed from; a confirmation against another version is refused. */
  version: number;
  before: ReturnType<typeof describeTerms>;
  after: ReturnType<typeof describeTerms>;
  quote: Quote;
  trial: boolean;
}

/** Prices a change without making it. */
export async function previewChange(
  db: Queryable,
  ctx: DomainContext,
  teamId: string,
  change: SubscriptionChange,
): Promise<ChangePreview> {
  const now = ctx.clock.now();
  const { subscription, team } = await readSubscription(db, teamId);
  requireRunning(subscription, team);
  const { current, next } = await nextTerms(db, subscription, team, change, now);
  return {
    idempotencyKey: randomUUID(),
    version: subscription.version,
    before: describeTerms(current),
    after: describeTerms(next),
    quote: quoteFor(subscription, current, next, now),
    trial: subscription.status === "trialing",
  };
}

/**
 * Applies a previewed change at once and writes its invoice, in one transaction.
 *
 * - Idempotent: the invoice carries the key; the same key again answers the first result
 *   and charges nothing (checked under the row lock, and by the unique index as a last guard).
 * - Optimistic concurrency: the change names the version it was previewed from; if the
 *   subscription has moved on (another tab, a renewal), it is refused with CONFLICT.
 * - The price is computed again; if it differs from the previewed total (the day changed),
 *   it is refused so the owner never pays what they did not see.
 */
export async function confirmChange(
  db: Queryable,
  ctx: DomainContext,
  input: {
    teamId: string;
    idempotencyKey: string;
    expectedVersion: number;
    expectedTotalCents: number;
    change: SubscriptionChange;
  },
): Promise<ChargeResult> {
  const requestFingerprint = fingerprint({ kind: "change", change: input.change });
  const key = {
    ...input,
    requestFingerprint,
    mismatch: "confirmationUsedPreviewChange" as const,
  };

  return chargeOnce<ChargeResult>(
    db,
    key,
    (earlier) => ({ invoice: earlier.invoice, version: earlier.version, replayed: true }),
    async (tx, { subscription, team }) => {
      const now = ctx.clock.now();
      requireVersion(subscription, input.expectedVersion);
      requireRunning(subscription, team);
      const { current, next } = await nextTerms(tx, subscription, team, input.change, now);
      const quote = quoteFor(subscription, current, next, now);
      if (quote.totalCents !== input.expectedTotalCents) {
        throw new DomainError("CONFLICT", "priceChangedPreviewChange", {
          price: { cents: quote.totalCents, currency: CURRENCY },
          seen: { cents: input.expectedTotalCents, currency: CURRENCY },
        });
      }
      const updated = await saveSubscriptionChange(
        tx,
        subscription,
        input.expectedVersion,
        {
          planCode: next.plan.code,
          planVersion: next.plan.version,
          billingPeriod: next.billingPeriod,
          seats: next.seats,
          extraStorageGb: next.extraStorageGb,
          extraDataTransferGb: next.extraDataTransferGb,
          extraRequests: next.extraRequests,
          ...(quote.newCycle ? { currentPeriodStart: now, currentPeriodEnd: quote.periodEnd, billingAnchor: now } : {}),
        },
        now,
      );
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
        action: "subscription.changed",
        target: { type: "subscription", id: subscription.id },
        before: termsRecord(current),
        after: {
          ...termsRecord(next),
          invoice: invoice.number,
          totalCents: invoice.totalCents,
          version: updated.version,
        },
      });
      if (team.product === "claris_connect") await liftSuspensionWithinLimit(tx, ctx, team.id);
      await sendNotice(tx, {
        teamId: team.id,
        kind: "changed",
        reference: invoice.id,
        now,
        write: (t, money, locale) => ({
          subject: t("billing.changed.subject", { team: team.name }),
          text: [
            t("billing.changed.terms", { team: team.name }),
            t("billing.changed.plan", { plan: next.plan.name, period: next.billingPeriod }),
            ...(next.plan.pricedPer === "seat" ? [t("billing.changed.seats", { seats: next.seats })] : []),
            ...(next.extraStorageGb ? [t("billing.changed.extraStorage", { gb: next.extraStorageGb })] : []),
            ...(next.extraDataTransferGb
              ? [t("billing.changed.extraDataTransfer", { gb: next.extraDataTransferGb })]
              : []),
            ...(next.extraRequests
              ? [t("billing.changed.extraRequests", { requests: formatNumber(next.extraRequests, locale) })]
              : []),
            "",
            t("billing.changed.invoice", { invoice: invoice.number, total: money(invoice.totalCents) }),
            t("billing.changed.periodEnd", {
              endsOn: quote.newCycle ? quote.periodEnd : subscription.currentPeriodEnd,
            }),
          ].join("\n"),
        }),
      });
      return {
        invoice: { id: invoice.id, number: invoice.number, totalCents: invoice.totalCents },
        version: updated.version,
        replayed: false,
      };
    },
  );
}
