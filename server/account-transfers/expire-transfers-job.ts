import { and, asc, eq, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accountTransfers } from "@/db/schema";
import { noRequest, systemActor } from "../actor";
import type { Clock } from "../clock";
import type { DomainContext } from "../domain-context";
import { recordTransferAudit, transferSummary } from "./transfer-audit";
import { transferFacts } from "./transfer-record";

/** Requests ended per run; the rest wait for the next tick. */
const MAX_PER_RUN = 200;

/**
 * Ends requests still waiting when their time is up. Each is claimed with FOR UPDATE SKIP
 * LOCKED and ended, with its audit events, in a transaction of its own, so servers running
 * this at once expire each request once, and an answer holding the row is not overtaken.
 */
export async function runTransferExpiryJob(db: Database, clock: Clock): Promise<{ expired: number }> {
  const ctx: DomainContext = { actor: systemActor("Account transfer expiry"), clock, request: noRequest };
  let expired = 0;
  for (let i = 0; i < MAX_PER_RUN; i++) {
    const claimed = await db.transaction(async (tx) => {
      const now = clock.now();
      const [transfer] = await tx
        .select()
        .from(accountTransfers)
        .where(and(eq(accountTransfers.status, "pending"), lte(accountTransfers.expiresAt, now)))
        .orderBy(asc(accountTransfers.expiresAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!transfer) return false;
      await tx
        .update(accountTransfers)
        .set({ status: "expired", endedAt: now })
        .where(eq(accountTransfers.id, transfer.id));
      const facts = await transferFacts(tx, transfer);
      await recordTransferAudit(tx, ctx, facts, "account_transfer.expired", {
        before: { status: "pending" },
        after: { ...transferSummary(facts), status: "expired", expiresAt: transfer.expiresAt },
      });
      return true;
    });
    if (!claimed) break;
    expired += 1;
  }
  return { expired };
}
