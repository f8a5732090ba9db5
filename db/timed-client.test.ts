import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts } from "./schema";
import { setUpTestDatabase } from "./testing/test-database";

const seen = { sent: 0, ok: 0, failed: 0, durations: [] as number[] };
const database = setUpTestDatabase({
  observeQueries: {
    sent: () => {
      seen.sent += 1;
    },
    answered(durationMs, ok) {
      if (ok) seen.ok += 1;
      else seen.failed += 1;
      seen.durations.push(durationMs);
    },
  },
});

function counted() {
  return { sent: seen.sent, ok: seen.ok, failed: seen.failed };
}

describe("a database whose queries are timed", () => {
  it("answers as before, and times each query, in transactions and savepoints too", async () => {
    const { db } = database.handle;
    const before = counted();
    const [row] = await db.select({ email: accounts.email }).from(accounts).where(sql`false`).limit(1);
    expect(row).toBeUndefined();
    const inTransaction = await db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      return tx.transaction(async (inner) => (await inner.select({ id: accounts.id }).from(accounts).limit(2)).length);
    });
    expect(inTransaction).toBe(2);
    await expect.poll(() => seen.ok - before.ok).toBeGreaterThanOrEqual(3);
    expect(seen.sent - before.sent).toBe(seen.ok - before.ok);
    expect(seen.durations.every((ms) => ms >= 0)).toBe(true);
  });

  it("counts a failed query as failed", async () => {
    const before = counted();
    await expect(database.handle.db.execute(sql`select * from no_such_table`)).rejects.toThrow();
    await expect.poll(() => seen.failed - before.failed).toBe(1);
  });
});
