import { and, eq, inArray, or } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import { accounts, accountTransfers, teams } from "@/db/schema";
import { DomainError } from "../errors";
import type { TransferSide } from "./transfer-rules";

export type AccountTransfer = typeof accountTransfers.$inferSelect;

/** A transfer with what its audit events and pages name: the person and both teams. */
export interface TransferFacts {
  transfer: AccountTransfer;
  email: string;
  name: string;
  fromTeamName: string;
  toTeamName: string;
}

export async function transferFacts(db: Queryable, transfer: AccountTransfer): Promise<TransferFacts> {
  const [person] = await db
    .select({ email: accounts.email, name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, transfer.accountId));
  const names = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(inArray(teams.id, [transfer.teamId, transfer.toTeamId]));
  const nameOf = (id: string) => names.find((row) => row.id === id)?.name ?? "";
  return {
    transfer,
    email: person?.email ?? "",
    name: person?.name ?? "",
    fromTeamName: nameOf(transfer.teamId),
    toTeamName: nameOf(transfer.toTeamId),
  };
}

/**
 * The transfer, locked, if the team stands on a side of it that needs the team's approval:
 * another team's request, or one this team need not answer, is not found.
 */
export async function lockTransferToAnswer(
  tx: Transaction,
  teamId: string,
  transferId: string,
): Promise<{ transfer: AccountTransfer; side: TransferSide }> {
  const [transfer] = await tx
    .select()
    .from(accountTransfers)
    .where(
      and(
        eq(accountTransfers.id, transferId),
        or(
          and(eq(accountTransfers.teamId, teamId), eq(accountTransfers.outApprovalRequired, true)),
          and(eq(accountTransfers.toTeamId, teamId), eq(accountTransfers.inApprovalRequired, true)),
        ),
      ),
    )
    .for("update");
  if (!transfer) throw new DomainError("NOT_FOUND", "transferNotFound");
  return { transfer, side: transfer.teamId === teamId ? "out" : "in" };
}

/** Refuses a change to a transfer that has ended, or whose time ran out before the expiry job saw it. */
export function refuseEndedTransfer(transfer: AccountTransfer, now: Date): void {
  if (transfer.status !== "pending") {
    throw new DomainError("CONFLICT", "transferAlreadyEnded", { status: transfer.status });
  }
  if (transfer.expiresAt <= now) throw new DomainError("CONFLICT", "transferExpired", { date: transfer.expiresAt });
}
