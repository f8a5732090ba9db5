import type { Transaction } from "@/db/client";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import type { TransferFacts } from "./transfer-record";

/** What every transfer event says, in both teams' logs. */
export function transferSummary(facts: TransferFacts) {
  const { transfer } = facts;
  return {
    transferId: transfer.id,
    accountId: transfer.accountId,
    email: facts.email,
    fromTeamId: transfer.teamId,
    fromTeamName: facts.fromTeamName,
    toTeamId: transfer.toTeamId,
    toTeamName: facts.toTeamName,
    outApprovalRequired: transfer.outApprovalRequired,
    inApprovalRequired: transfer.inApprovalRequired,
  };
}

/**
 * Records one step of a transfer in the logs of both teams, since it concerns both. The logs
 * are always written in the order of their team ids, so two transfers between the same teams
 * in opposite directions take the two chains' locks in the same order and cannot deadlock.
 */
export async function recordTransferAudit(
  tx: Transaction,
  ctx: DomainContext,
  facts: TransferFacts,
  action: string,
  change: { before?: unknown; after?: unknown } = {},
): Promise<void> {
  const teamIds = [facts.transfer.teamId, facts.transfer.toTeamId].sort();
  for (const teamId of teamIds) {
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId,
      action,
      target: { type: "account_transfer", id: facts.transfer.id },
      before: change.before,
      after: change.after ?? transferSummary(facts),
    });
  }
}
