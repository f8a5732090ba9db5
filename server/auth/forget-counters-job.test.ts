import { describe, expect, it } from "vitest";
import { rateLimits, signInThrottles } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { runForgetCountersJob } from "./forget-counters-job";

const database = setUpTestDatabase();
const NOW = new Date("2026-09-01T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const HOUR = 60 * 60 * 1000;

describe("forgetting spent sign-in counters", () => {
  it("deletes failure counts a day after the last failure unless locked, and budgets whose hour is over, and nothing younger", async () => {
    const { db } = database.handle;
    await db.insert(signInThrottles).values([
      { key: "account:old@forget.example", failures: 3, lastFailureAt: ago(24 * HOUR + 1000) },
      { key: "account:recent@forget.example", failures: 3, lastFailureAt: ago(24 * HOUR - 1000) },
      {
        key: "ip:192.0.2.77",
        failures: 100,
        locks: 3,
        lastFailureAt: ago(24 * HOUR + 1000),
        lockedUntil: new Date(NOW.getTime() + 1000),
      },
    ]);
    await db.insert(rateLimits).values([
      { key: "mail-address:old@forget.example", used: 5, windowStartedAt: ago(HOUR) },
      { key: "mail-address:recent@forget.example", used: 5, windowStartedAt: ago(HOUR - 1000) },
    ]);

    expect(await runForgetCountersJob(db, fixedClock(NOW))).toEqual({ throttles: 1, budgets: 1 });

    const throttles = (await db.select({ key: signInThrottles.key }).from(signInThrottles)).map((r) => r.key);
    expect(throttles).toEqual(expect.arrayContaining(["account:recent@forget.example", "ip:192.0.2.77"]));
    expect(throttles).not.toContain("account:old@forget.example");
    const budgets = (await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(budgets).toContain("mail-address:recent@forget.example");
    expect(budgets).not.toContain("mail-address:old@forget.example");
    expect(await runForgetCountersJob(db, fixedClock(NOW))).toEqual({ throttles: 0, budgets: 0 });
  });
});
