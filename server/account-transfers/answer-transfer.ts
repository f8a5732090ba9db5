import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accountTransfers } from "@/db/schema";
import { actingAccountId } from "../actor";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { actingRole } from "../members/member-target";
import { completeTransfer } from "./complete-transfer";
import { recordTransferAudit, transferSummary } from "./transfer-audit";
import { lockTransferToAnswer, refuseEndedTransfer, transferFacts } from "./transfer-record";
import { DENY_REASON_MAX } from "./transfer-rules";

export type TransferAnswer = "allow" | "deny";

/**
 * A manager answers for their team's side of a transfer. Deny ends the request for both
 * teams; Allow records the team's approval and completes the move once every approval it
 * needs is given. The request row is locked first, so two answers, or an answer and a
 * cancellation, take turns and the second sees what the first did.
 */
export async function answerAccountTransfer(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; transferId: string; answer: TransferAnswer; reason?: string },
): Promise<{ status: "pending" | "completed" | "denied" }> {
  const now = ctx.clock.now();
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > DENY_REASON_MAX) {
    throw new DomainError("INVALID_INPUT", "transferDenyReasonTooLong", { max: DENY_REASON_MAX });
  }
  return db.transaction(async (tx) => {
    const { transfer, side } = await lockTransferToAnswer(tx, input.teamId, input.transferId);
    // Refuses support sessions and anyone no longer active in the team.
    await actingRole(tx, ctx, input.teamId);
    const answeredBy = actingAccountId(ctx.actor);
    if (answeredBy === transfer.accountId) throw new DomainError("FORBIDDEN", "transferOwnRequest");
    refuseEndedTransfer(transfer, now);
    const facts = await transferFacts(tx, transfer);

    if (input.answer === "deny") {
      await tx
        .update(accountTransfers)
        .set({ status: "denied", deniedSide: side, denyReason: reason, endedAt: now })
        .where(eq(accountTransfers.id, transfer.id));
      await recordTransferAudit(tx, ctx, facts, "account_transfer.denied", {
        before: { status: "pending" },
        after: { ...transferSummary(facts), status: "denied", side, reason },
      });
      return { status: "denied" as const };
    }

    const alreadyAllowed = side === "out" ? transfer.outAllowedAt : transfer.inAllowedAt;
    if (alreadyAllowed) return { status: "pending" as const };
    const allowed =
      side === "out"
        ? { outAllowedAt: now, outAllowedByAccountId: answeredBy }
        : { inAllowedAt: now, inAllowedByAccountId: answeredBy };
    await tx.update(accountTransfers).set(allowed).where(eq(accountTransfers.id, transfer.id));
    await recordTransferAudit(tx, ctx, facts, "account_transfer.allowed", {
      after: { ...transferSummary(facts), side },
    });
    const next = { ...transfer, ...allowed };
    const waiting = (next.outApprovalRequired && !next.outAllowedAt) || (next.inApprovalRequired && !next.inAllowedAt);
    if (waiting) return { status: "pending" as const };
    await completeTransfer(tx, ctx, { ...facts, transfer: next });
    return { status: "completed" as const };
  });
}
