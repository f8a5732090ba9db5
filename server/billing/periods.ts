import { DAY_MS } from "@/lib/time";
import type { BillingPeriod } from "./plan-catalog";

/**
 * `months` months after `anchor`, at the same time of day. A day the target month lacks is
 * clamped to its last day (31 January + 1 month = 28 or 29 February), and because every
 * boundary is counted from the anchor, the 31st comes back in March instead of drifting.
 */
export function addMonths(anchor: Date, months: number): Date {
  const year = anchor.getUTCFullYear();
  const month = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(anchor);
  result.setUTCFullYear(year, month, Math.min(anchor.getUTCDate(), lastDay));
  return result;
}

export function monthsIn(period: BillingPeriod): number {
  return period === "annual" ? 12 : 1;
}

/**
 * The first period boundary counted from `anchor` that lies strictly after `after`: the end
 * of the period that contains `after` in a billing cycle that started at `anchor`.
 */
export function periodEndAfter(anchor: Date, period: BillingPeriod, after: Date): Date {
  const step = monthsIn(period);
  const monthsApart =
    (after.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + (after.getUTCMonth() - anchor.getUTCMonth());
  let k = Math.max(1, Math.floor(monthsApart / step) - 1);
  let end = addMonths(anchor, k * step);
  while (end.getTime() <= after.getTime()) {
    k += 1;
    end = addMonths(anchor, k * step);
  }
  return end;
}

/** Whole days of a period (it runs from one boundary to the next, so always whole days). */
export function periodDays(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / DAY_MS);
}

/** Days left until `end`; a day begun counts as a whole day, so a change today pays for today. */
export function daysLeft(now: Date, end: Date): number {
  return Math.max(0, Math.ceil((end.getTime() - now.getTime()) / DAY_MS));
}

/** The start of the contract year that contains `now` (years count from the contract's start). */
export function contractYearStart(startedAt: Date, now: Date): Date {
  const end = periodEndAfter(startedAt, "annual", now);
  const months =
    (end.getUTCFullYear() - startedAt.getUTCFullYear()) * 12 + (end.getUTCMonth() - startedAt.getUTCMonth());
  return addMonths(startedAt, months - 12);
}

/** Midnight UTC of the first day of the month after `now`: when monthly request counts reset. */
export function startOfNextMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

export function startOfMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** yyyy-mm-dd of a moment, in UTC. */
export function isoDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}
