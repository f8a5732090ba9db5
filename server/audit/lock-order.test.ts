import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { raceTest, runsConcurrently } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { noRequest, systemActor } from "../actor";
import { lockSubscription } from "../billing/subscription-record";
import { demoTeamId } from "../testing/demo";
import { recordAudit } from "./record-audit";
import { verifyAuditChain } from "./verify-chain";

const database = setUpTestDatabase();

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Waits until the append holds the audit chain's advisory lock, or has already finished with it. */
async function chainTakenOrDone(appendSettled: () => boolean) {
  const chainHeld = async () =>
    Number(
      rowsOf<{ n: string }>(
        await database.handle.db.execute(
          sql`select count(*) as n from pg_locks where locktype = 'advisory' and granted`,
        ),
      )[0]!.n,
    ) > 0;
  await expect.poll(async () => appendSettled() || (await chainHeld()), { timeout: 10_000 }).toBe(true);
}

describe("the order in which writers lock a team", () => {
  // A support view appends its event while the owner's subscription change holds the team row:
  // the append takes the chain, then needs the team row's key share for its foreign key; the
  // change holds the row and then wants the chain. The row lock must not block the key share.
  it(raceTest("lets an audit append and a subscription change on the same team both finish"), async () => {
    const { db } = database.handle;
    const teamId = await demoTeamId(db, "Acme Corp");
    const event = (action: string) => ({
      teamId,
      actor: systemActor("Lock order"),
      occurredAt: new Date(),
      request: noRequest,
      action,
    });
    const teamLocked = deferred();
    let appendSettled = false;

    const change = db.transaction(async (tx) => {
      await lockSubscription(tx, teamId);
      teamLocked.resolve();
      if (runsConcurrently) await chainTakenOrDone(() => appendSettled);
      await recordAudit(tx, event("lock_order.change"));
    });
    if (runsConcurrently) await teamLocked.promise;
    else await change;
    const append = db
      .transaction((tx) => recordAudit(tx, event("lock_order.view")))
      .finally(() => (appendSettled = true));

    await expect(Promise.all([change, append])).resolves.toBeDefined();
    expect(await verifyAuditChain(db, teamId)).toMatchObject({ valid: true });
  });
});
