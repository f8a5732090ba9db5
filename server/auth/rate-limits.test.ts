import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { type Budget, exhaustedUntil, spend } from "./rate-limits";

const database = setUpTestDatabase();
const budget: Budget = { name: "test-budget", limit: 10, windowMs: 60 * 60 * 1000 };

describe("rate-limit budgets", () => {
  it("allow exactly the limit when many servers spend at once, then open again when the window ends", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-10-01T09:00:00Z");
    const spent = await Promise.all(
      Array.from({ length: 30 }, () => db.transaction((tx) => spend(tx, budget, "one-subject", clock.now()))),
    );
    expect(spent.filter((s) => s.allowed)).toHaveLength(10);
    expect(spent.filter((s) => !s.allowed)).toContainEqual({
      allowed: false,
      retryAt: new Date("2026-10-01T10:00:00Z"),
    });
    expect(await exhaustedUntil(db, budget, "one-subject", clock.now())).toEqual(new Date("2026-10-01T10:00:00Z"));
    expect(await exhaustedUntil(db, budget, "another-subject", clock.now())).toBeNull();

    clock.set("2026-10-01T10:00:00Z");
    expect(await exhaustedUntil(db, budget, "one-subject", clock.now())).toBeNull();
    expect(await spend(db, budget, "one-subject", clock.now())).toEqual({
      allowed: true,
      used: 1,
      resetAt: new Date("2026-10-01T11:00:00Z"),
    });
  });
});
