import { addMonths, daysLeft, monthsIn, periodDays } from "./periods";
import type { BillingPeriod, Plan } from "./plan-catalog";

/** What a contract consists of; its price follows from the catalog. */
export interface ContractTerms {
  plan: Plan;
  billingPeriod: BillingPeriod;
  seats: number;
  extraStorageGb: number;
  extraDataTransferGb: number;
  extraRequests: number;
}

/** One priced part of a contract, at its full price for one billing period. */
export interface PriceComponent {
  key: string;
  description: string;
  quantity: number;
  unitCents: number;
}

export interface InvoiceLineDraft {
  description: string;
  quantity: number;
  unitAmountCents: number;
  amountCents: number;
}

export interface Quote {
  lines: InvoiceLineDraft[];
  totalCents: number;
  /** The span the new terms are charged for. */
  periodStart: Date;
  periodEnd: Date;
  /** The billing period changed: a new cycle starts now and runs to `periodEnd`. */
  newCycle: boolean;
  /** Days charged of the days in the period (day-based proration). */
  daysCharged: number;
  daysInPeriod: number;
}

const PERIOD_LABEL: Record<BillingPeriod, string> = { monthly: "monthly", annual: "annual" };

function addOnQuantity(terms: ContractTerms, kind: "storage" | "dataTransfer" | "requests"): number {
  return kind === "storage"
    ? terms.extraStorageGb
    : kind === "dataTransfer"
      ? terms.extraDataTransferGb
      : terms.extraRequests;
}

/** The priced parts of a contract, each at its full price for one billing period. */
export function componentsOf(terms: ContractTerms): PriceComponent[] {
  const { plan, billingPeriod } = terms;
  const parts: PriceComponent[] = [
    plan.pricedPer === "seat"
      ? {
          key: "plan",
          description: `${plan.name} seats (${PERIOD_LABEL[billingPeriod]})`,
          quantity: terms.seats,
          unitCents: plan.prices[billingPeriod],
        }
      : {
          key: "plan",
          description: `${plan.name} plan (${PERIOD_LABEL[billingPeriod]})`,
          quantity: 1,
          unitCents: plan.prices[billingPeriod],
        },
  ];
  for (const addOn of plan.addOns) {
    const amount = addOnQuantity(terms, addOn.kind);
    if (amount <= 0) continue;
    parts.push({
      key: addOn.kind,
      description: `${addOn.name}, ${addOn.unitLabel} (${PERIOD_LABEL[billingPeriod]})`,
      quantity: Math.ceil(amount / addOn.unitSize),
      unitCents: addOn.prices[billingPeriod],
    });
  }
  return parts;
}

/** What one full billing period of the contract costs. */
export function periodPrice(terms: ContractTerms): number {
  return componentsOf(terms).reduce((sum, part) => sum + part.quantity * part.unitCents, 0);
}

/**
 * `cents` for `days` of a period of `ofDays` days, rounded half up to a whole cent, in
 * integers only (no floating point ever touches money).
 */
export function prorate(cents: number, days: number, ofDays: number): number {
  if (!Number.isInteger(cents) || cents < 0) throw new Error("prorate takes a non-negative integer of cents");
  if (ofDays <= 0) return 0;
  const share = Math.min(Math.max(days, 0), ofDays);
  return Math.floor((2 * cents * share + ofDays) / (2 * ofDays));
}

function line(description: string, quantity: number, unitAmountCents: number): InvoiceLineDraft {
  return { description, quantity, unitAmountCents, amountCents: quantity * unitAmountCents };
}

const sameComponent = (a: PriceComponent | undefined, b: PriceComponent | undefined) =>
  a?.description === b?.description && a?.quantity === b?.quantity && a?.unitCents === b?.unitCents;

/**
 * Prices a change of terms made at `now` in the period [periodStart, periodEnd).
 *
 * Same billing period: each part that changes is credited for the unused days of the period
 * and charged anew for the same days, so the period end stays. Another billing period: the
 * whole contract is credited for the unused days, and the new terms start a new period
 * now, charged in full. During a trial nothing is charged.
 */
export function quoteChange(input: {
  current: ContractTerms;
  next: ContractTerms;
  periodStart: Date;
  periodEnd: Date;
  now: Date;
  trial?: boolean;
}): Quote {
  const { current, next, periodStart, periodEnd, now } = input;
  const daysInPeriod = periodDays(periodStart, periodEnd);
  const left = Math.min(daysLeft(now, periodEnd), daysInPeriod);
  const oldParts = componentsOf(current);
  const newParts = componentsOf(next);
  const lines: InvoiceLineDraft[] = [];

  if (input.trial) {
    for (const part of newParts) {
      if (
        !sameComponent(
          part,
          oldParts.find((p) => p.key === part.key),
        )
      ) {
        lines.push(line(`${part.description}, no charge during the trial`, part.quantity, 0));
      }
    }
    return { lines, totalCents: 0, periodStart: now, periodEnd, newCycle: false, daysCharged: 0, daysInPeriod };
  }

  if (current.billingPeriod === next.billingPeriod) {
    const keys = [...new Set([...oldParts, ...newParts].map((p) => p.key))];
    for (const key of keys) {
      const before = oldParts.find((p) => p.key === key);
      const after = newParts.find((p) => p.key === key);
      if (sameComponent(before, after)) continue;
      if (before) {
        lines.push(
          line(
            `Unused ${before.description}, ${left} of ${daysInPeriod} days`,
            before.quantity,
            -prorate(before.unitCents, left, daysInPeriod),
          ),
        );
      }
      if (after) {
        lines.push(
          line(
            `${after.description}, ${left} of ${daysInPeriod} days`,
            after.quantity,
            prorate(after.unitCents, left, daysInPeriod),
          ),
        );
      }
    }
    return {
      lines,
      totalCents: total(lines),
      periodStart: now,
      periodEnd,
      newCycle: false,
      daysCharged: left,
      daysInPeriod,
    };
  }

  for (const part of oldParts) {
    lines.push(
      line(
        `Unused ${part.description}, ${left} of ${daysInPeriod} days`,
        part.quantity,
        -prorate(part.unitCents, left, daysInPeriod),
      ),
    );
  }
  const newEnd = addMonths(now, monthsIn(next.billingPeriod));
  const newDays = periodDays(now, newEnd);
  for (const part of newParts) {
    lines.push(line(`${part.description}, ${newDays} days`, part.quantity, part.unitCents));
  }
  return {
    lines,
    totalCents: total(lines),
    periodStart: now,
    periodEnd: newEnd,
    newCycle: true,
    daysCharged: newDays,
    daysInPeriod: newDays,
  };
}

/** A whole period of the contract, as renewals and first invoices charge it. */
export function quotePeriod(terms: ContractTerms, periodStart: Date, periodEnd: Date): Quote {
  const days = periodDays(periodStart, periodEnd);
  const lines = componentsOf(terms).map((part) => line(part.description, part.quantity, part.unitCents));
  return {
    lines,
    totalCents: total(lines),
    periodStart,
    periodEnd,
    newCycle: true,
    daysCharged: days,
    daysInPeriod: days,
  };
}

function total(lines: InvoiceLineDraft[]): number {
  return lines.reduce((sum, l) => sum + l.amountCents, 0);
}
