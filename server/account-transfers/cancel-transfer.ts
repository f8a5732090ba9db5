import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accountTransfers } from "@/db/schema";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { recordTransferAudit, transferSummary } from "./transfer-audit";
import { refuseEndedTransfer, transferFacts } from "./transfer-record";

/** The person withdraws their own request while it waits; locked like an answer, so only one of them wins. */
export async function cancelAccountTransfer(
  db: Queryable,
  ctx: DomainContext,
  input: { transferId: string },
): Promise<void> {
  if (ctx.actor.kind !== "account") throw new DomainError("UNAUTHENTICATED", "signInToContinue");
  const accountId = ctx.actor.accountId;
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const [transfer] = await tx
      .select()
      .from(accountTransfers)
      .where(and(eq(accountTransfers.id, input.transferId), eq(accountTransfers.accountId, accountId)))
      .for("update");
    if (!transfer) throw new DomainError("NOT_FOUND", "transferNotYours");
    refuseEndedTransfer(transfer, now);
    await tx
      .update(accountTransfers)
      .set({ status: "cancelled", endedAt: now })
      .where(eq(accountTransfers.id, transfer.id));
    const facts = await transferFacts(tx, transfer);
    await recordTransferAudit(tx, ctx, facts, "account_transfer.cancelled", {
      before: { status: "pending" },
      after: { ...transferSummary(facts), status: "cancelled" },
    });
  });
}
