import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { confirmChange, previewChange, type SubscriptionChange } from "./change-subscription";
import { addMonths, contractYearStart, daysLeft, periodEndAfter } from "./periods";
import { findPlan } from "./plan-catalog";
import { periodPrice, prorate, quoteChange } from "./proration";
import { invoicesOf, subscriptionOf, teamWithContract } from "./test-support";

const database = setUpTestDatabase();

describe("calendar arithmetic", () => {
  it.each([
    ["2025-01-15T10:00:00Z", 1, "2025-02-15T10:00:00.000Z"],
    ["2025-01-31T00:00:00Z", 1, "2025-02-28T00:00:00.000Z"],
    ["2024-01-31T00:00:00Z", 1, "2024-02-29T00:00:00.000Z"],
    ["2025-03-31T00:00:00Z", 1, "2025-04-30T00:00:00.000Z"],
    ["2025-01-31T00:00:00Z", 2, "2025-03-31T00:00:00.000Z"],
    ["2024-02-29T00:00:00Z", 12, "2025-02-28T00:00:00.000Z"],
    ["2024-02-29T00:00:00Z", 48, "2028-02-29T00:00:00.000Z"],
    ["2025-12-31T23:59:00Z", 2, "2026-02-28T23:59:00.000Z"],
  ])("%s plus %i months is %s", (from, months, expected) => {
    expect(addMonths(new Date(from), months).toISOString()).toBe(expected);
  });

  it.each([
    // Anchored on the 31st, periods come back to the 31st instead of drifting to the 28th.
    ["2025-01-31T00:00:00Z", "monthly", "2025-02-28T00:00:00Z", "2025-03-31T00:00:00.000Z"],
    ["2025-01-31T00:00:00Z", "monthly", "2025-03-31T00:00:00Z", "2025-04-30T00:00:00.000Z"],
    ["2025-03-31T00:00:00Z", "monthly", "2025-04-30T00:00:00Z", "2025-05-31T00:00:00.000Z"],
    ["2024-02-29T00:00:00Z", "annual", "2025-02-28T00:00:00Z", "2026-02-28T00:00:00.000Z"],
    ["2024-02-29T00:00:00Z", "annual", "2027-02-28T00:00:00Z", "2028-02-29T00:00:00.000Z"],
    ["2025-06-10T09:30:00Z", "annual", "2025-06-10T09:30:00Z", "2026-06-10T09:30:00.000Z"],
    ["2020-05-05T00:00:00Z", "monthly", "2025-05-20T00:00:00Z", "2025-06-05T00:00:00.000Z"],
  ] as const)("a %s %s cycle: the period after %s ends %s", (anchor, period, after, expected) => {
    expect(periodEndAfter(new Date(anchor), period, new Date(after)).toISOString()).toBe(expected);
  });

  it("counts a begun day as a whole day left", () => {
    const end = new Date("2025-02-15T00:00:00Z");
    expect(daysLeft(new Date("2025-02-14T23:00:00Z"), end)).toBe(1);
    expect(daysLeft(new Date("2025-02-14T00:00:00Z"), end)).toBe(1);
    expect(daysLeft(new Date("2025-02-13T23:59:59Z"), end)).toBe(2);
    expect(daysLeft(new Date("2025-02-15T00:00:00Z"), end)).toBe(0);
  });

  it("finds the contract year for the data transfer meter", () => {
    const started = new Date("2024-02-29T12:00:00Z");
    expect(contractYearStart(started, new Date("2024-03-10T00:00:00Z")).toISOString()).toBe("2024-02-29T12:00:00.000Z");
    expect(contractYearStart(started, new Date("2025-03-10T00:00:00Z")).toISOString()).toBe("2025-02-28T12:00:00.000Z");
  });
});

describe("prorate, in integer cents", () => {
  it.each([
    [3900, 31, 31, 3900],
    [3900, 0, 31, 0],
    [3900, 16, 31, 2013], // 2012.90 rounds up
    [3900, 14, 28, 1950], // exact
    [39000, 184, 366, 19607], // leap year
    [39000, 184, 365, 19660],
    [3, 1, 2, 2], // 1.5 rounds half up
    [4, 1, 3, 1], // 1.33 rounds down
    [5, 1, 3, 2], // 1.67 rounds up
    [100, 40, 31, 100], // never more than the whole period
  ])("%i cents for %i of %i days is %i", (cents, days, of, expected) => {
    const result = prorate(cents, days, of);
    expect(result).toBe(expected);
    expect(Number.isInteger(result)).toBe(true);
  });

  it("refuses fractional cents", () => {
    expect(() => prorate(10.5, 1, 2)).toThrow();
  });
});

interface ProrationCase {
  name: string;
  plan: string;
  period: "monthly" | "annual";
  seats: number;
  start: string;
  at: string;
  change: SubscriptionChange;
  /** Amounts of the invoice lines, in order. */
  lines: number[];
  total: number;
  /** For a change of billing period: the new period end. */
  newPeriodEnd?: string;
  /** A contract made on an older catalog version. */
  planVersion?: number;
}

const CASES: ProrationCase[] = [
  {
    name: "mid-month seat increase",
    plan: "fmc-standard",
    period: "monthly",
    seats: 10,
    start: "2025-01-15T00:00:00Z",
    at: "2025-01-30T12:00:00Z",
    change: { seats: 12 },
    lines: [-20130, 24156],
    total: 4026,
  },
  {
    name: "month end into a leap February (31 Jan → 29 Feb, 29 days)",
    plan: "fmc-standard",
    period: "monthly",
    seats: 10,
    start: "2024-01-31T00:00:00Z",
    at: "2024-02-14T00:00:00Z",
    change: { seats: 11 },
    lines: [-20170, 22187],
    total: 2017,
  },
  {
    name: "month end into a common February (31 Jan → 28 Feb, 28 days)",
    plan: "fmc-standard",
    period: "monthly",
    seats: 10,
    start: "2023-01-31T00:00:00Z",
    at: "2023-02-14T00:00:00Z",
    change: { seats: 11 },
    lines: [-19500, 21450],
    total: 1950,
  },
  {
    name: "31 March to 30 April: a seat cut is a credit",
    plan: "fmc-standard",
    period: "monthly",
    seats: 20,
    start: "2025-03-31T00:00:00Z",
    at: "2025-04-10T08:00:00Z",
    change: { seats: 12 },
    lines: [-52000, 31200],
    total: -20800,
  },
  {
    name: "annual contract in a leap year (366 days)",
    plan: "fmc-standard",
    period: "annual",
    seats: 10,
    start: "2024-01-01T00:00:00Z",
    at: "2024-07-01T00:00:00Z",
    change: { seats: 15 },
    lines: [-196070, 294105],
    total: 98035,
  },
  {
    name: "annual contract in a common year (365 days)",
    plan: "fmc-standard",
    period: "annual",
    seats: 10,
    start: "2025-01-01T00:00:00Z",
    at: "2025-07-01T00:00:00Z",
    change: { seats: 15 },
    lines: [-196600, 294900],
    total: 98300,
  },
  {
    name: "on the first instant of the period: full credit, full charge",
    plan: "fmc-standard",
    period: "monthly",
    seats: 10,
    start: "2025-01-15T00:00:00Z",
    at: "2025-01-15T00:00:00Z",
    change: { seats: 12 },
    lines: [-39000, 46800],
    total: 7800,
  },
  {
    name: "in the last hour of the period: one day",
    plan: "fmc-standard",
    period: "monthly",
    seats: 10,
    start: "2025-01-15T00:00:00Z",
    at: "2025-02-14T23:00:00Z",
    change: { seats: 12 },
    lines: [-1260, 1512],
    total: 252,
  },
  {
    name: "annual to monthly: credit the unused year, charge a month from today",
    plan: "fmc-standard",
    period: "annual",
    seats: 10,
    start: "2025-03-01T00:00:00Z",
    at: "2025-09-15T00:00:00Z",
    change: { billingPeriod: "monthly" },
    lines: [-178440, 39000],
    total: -139440,
    newPeriodEnd: "2025-10-15T00:00:00.000Z",
  },
  {
    name: "monthly to annual: credit the unused month, charge a year from today",
    plan: "fmc-standard",
    period: "monthly",
    seats: 10,
    start: "2025-01-10T00:00:00Z",
    at: "2025-01-20T00:00:00Z",
    change: { billingPeriod: "annual" },
    lines: [-26420, 390000],
    total: 363580,
    newPeriodEnd: "2026-01-20T00:00:00.000Z",
  },
  {
    name: "extra storage add-on",
    plan: "fmc-standard",
    period: "monthly",
    seats: 10,
    start: "2025-05-01T00:00:00Z",
    at: "2025-05-21T00:00:00Z",
    change: { extraStorageGb: 20 },
    lines: [354],
    total: 354,
  },
  {
    name: "plan upgrade Standard to Premium",
    plan: "fmc-standard",
    period: "monthly",
    seats: 10,
    start: "2025-05-01T00:00:00Z",
    at: "2025-05-21T00:00:00Z",
    change: { planCode: "fmc-premium" },
    lines: [-13840, 20940],
    total: 7100,
  },
  {
    name: "Claris Connect Pro to Advanced, annual",
    plan: "connect-pro",
    period: "annual",
    seats: 0,
    start: "2024-11-30T00:00:00Z",
    at: "2025-02-28T00:00:00Z",
    change: { planCode: "connect-advanced" },
    lines: [-112260, 300616],
    total: 188356,
  },
  {
    name: "a contract on a retired price keeps it",
    plan: "fmc-essentials",
    planVersion: 1,
    period: "monthly",
    seats: 5,
    start: "2025-06-01T00:00:00Z",
    at: "2025-06-11T00:00:00Z",
    change: { seats: 8 },
    lines: [-6335, 10136],
    total: 3801,
  },
];

describe("proration through preview and confirmation, on the database", () => {
  it.each(CASES)("$name", async (c) => {
    const { db } = database.handle;
    const team = await teamWithContract(db, { at: c.start, planCode: c.plan, billingPeriod: c.period, seats: c.seats });
    if (c.planVersion) {
      await db.update(subscriptions).set({ planVersion: c.planVersion }).where(eq(subscriptions.teamId, team.teamId));
    }
    team.clock.set(c.at);

    const preview = await previewChange(db, team.ctx, team.teamId, c.change);
    expect(preview.quote.lines.map((l) => l.amountCents)).toEqual(c.lines);
    expect(preview.quote.totalCents).toBe(c.total);
    for (const line of preview.quote.lines) expect(line.amountCents).toBe(line.quantity * line.unitAmountCents);

    const result = await confirmChange(db, team.ctx, {
      teamId: team.teamId,
      idempotencyKey: preview.idempotencyKey,
      expectedVersion: preview.version,
      expectedTotalCents: preview.quote.totalCents,
      change: c.change,
    });
    expect(result.replayed).toBe(false);
    const invoice = (await invoicesOf(db, team.teamId)).find((i) => i.id === result.invoice.id)!;
    expect(invoice.totalCents).toBe(c.total);
    expect(invoice.status).toBe(c.total > 0 ? "open" : "paid");
    expect(invoice.lines.map((l) => l.amountCents).sort((a, b) => a - b)).toEqual([...c.lines].sort((a, b) => a - b));

    const after = await subscriptionOf(db, team.teamId);
    expect(after.version).toBe(preview.version + 1);
    if (c.newPeriodEnd) {
      expect(after.currentPeriodEnd.toISOString()).toBe(c.newPeriodEnd);
      expect(after.currentPeriodStart.toISOString()).toBe(new Date(c.at).toISOString());
      expect(after.billingAnchor.toISOString()).toBe(new Date(c.at).toISOString());
    } else {
      expect(after.currentPeriodEnd.toISOString()).toBe(preview.quote.periodEnd.toISOString());
    }
    // A retired version stays on a seat change; a plan change takes the plan's current version.
    if (c.planVersion) expect(after.planVersion).toBe(c.planVersion);
  });
});

describe("pure quotes", () => {
  const standard = findPlan("fmc-standard", 1)!;
  const terms = {
    plan: standard,
    billingPeriod: "annual" as const,
    seats: 30,
    extraStorageGb: 0,
    extraDataTransferGb: 0,
    extraRequests: 0,
  };

  it("charges nothing for a change during a trial", () => {
    const quote = quoteChange({
      current: terms,
      next: { ...terms, seats: 35 },
      periodStart: new Date("2025-01-01T00:00:00Z"),
      periodEnd: new Date("2025-01-15T00:00:00Z"),
      now: new Date("2025-01-05T00:00:00Z"),
      trial: true,
    });
    expect(quote.totalCents).toBe(0);
    expect(quote.lines).toHaveLength(1);
  });

  it("prices annual cheaper than twelve months for every plan and add-on", async () => {
    const { PLANS } = await import("./plan-catalog");
    for (const plan of PLANS) {
      expect(plan.prices.annual).toBeLessThan(plan.prices.monthly * 12);
      for (const addOn of plan.addOns) expect(addOn.prices.annual).toBeLessThan(addOn.prices.monthly * 12);
    }
    expect(periodPrice(terms)).toBe(30 * 39_000);
  });
});
