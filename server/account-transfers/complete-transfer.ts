import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accounts, accountTransfers, memberships, subscriptions, teams } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { seatsInUse } from "../members/seats";
import { transferSummary } from "./transfer-audit";
import { type TransferFacts, transferFacts } from "./transfer-record";

/**
 * Moves the person, inside the caller's transaction on the locked request: the membership in
 * the team left ends (with its licence, groups and any ownership offer, as removing a member
 * does), a membership as member begins in the team joined, licensed when the person held a
 * licence and a seat is free there, and the account follows to the team joined unless a third
 * team manages it. Both teams' logs record the move.
 */
export async function completeTransfer(tx: Transaction, ctx: DomainContext, facts: TransferFacts) {
  const now = ctx.clock.now();
  const { transfer } = facts;
  const [leaving] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.teamId, transfer.teamId), eq(memberships.accountId, transfer.accountId)))
    .for("update");
  if (leaving?.status !== "active" || leaving.role === "owner") {
    throw new DomainError("CONFLICT", "transferSourceChanged", { email: facts.email, team: facts.fromTeamName });
  }
  const [destination] = await tx
    .select({ product: teams.product, status: teams.status })
    .from(teams)
    .where(eq(teams.id, transfer.toTeamId));
  if (!destination || destination.status === "terminated" || destination.status === "purged") {
    throw new DomainError("CONFLICT", "transferTeamNotAccepting");
  }
  const [already] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.teamId, transfer.toTeamId), eq(memberships.accountId, transfer.accountId)));
  if (already) throw new DomainError("CONFLICT", "transferAlreadyMemberOf", { email: facts.email });

  const licensed =
    destination.product === "filemaker_cloud" && leaving.licensed && (await seatIsFree(tx, transfer.toTeamId, now));
  await tx.delete(memberships).where(eq(memberships.id, leaving.id));
  const [joined] = await tx
    .insert(memberships)
    .values({
      teamId: transfer.toTeamId,
      accountId: transfer.accountId,
      role: "member",
      licensed,
      status: "active",
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: memberships.id });
  const [account] = await tx
    .select({ managedByTeamId: accounts.managedByTeamId })
    .from(accounts)
    .where(eq(accounts.id, transfer.accountId))
    .for("update");
  // A third team that manages the account keeps it; otherwise the team joined manages it now.
  const managedBy =
    account?.managedByTeamId === null || account?.managedByTeamId === transfer.teamId
      ? transfer.toTeamId
      : (account?.managedByTeamId ?? null);
  if (managedBy !== account?.managedByTeamId) {
    await tx
      .update(accounts)
      .set({ managedByTeamId: managedBy, updatedAt: now })
      .where(eq(accounts.id, transfer.accountId));
  }
  // null: the person held no licence to carry over.
  const licensedOnArrival = leaving.licensed ? licensed : null;
  await tx
    .update(accountTransfers)
    .set({ status: "completed", endedAt: now, licensedOnArrival })
    .where(eq(accountTransfers.id, transfer.id));

  const done = await transferFacts(tx, { ...transfer, status: "completed", endedAt: now, licensedOnArrival });
  const events = {
    [transfer.teamId]: {
      target: leaving.id,
      before: {
        accountId: transfer.accountId,
        email: facts.email,
        role: leaving.role,
        licensed: leaving.licensed,
        status: leaving.status,
      },
      after: { ...transferSummary(done), leftTeam: true },
    },
    [transfer.toTeamId]: {
      target: joined!.id,
      before: null,
      after: {
        ...transferSummary(done),
        role: "member",
        licensed,
        licence: licensedOnArrival === null ? "none" : licensedOnArrival ? "taken" : "noSeatFree",
        managedByThisTeam: managedBy === transfer.toTeamId,
      },
    },
  };
  for (const teamId of [transfer.teamId, transfer.toTeamId].sort()) {
    const event = events[teamId]!;
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId,
      action: "account_transfer.completed",
      target: { type: "membership", id: event.target },
      before: event.before,
      after: event.after,
    });
  }
  return { licensedOnArrival };
}

/** Whether the team has a seat left, counted under the subscription's lock as every seat claim is. */
async function seatIsFree(tx: Transaction, teamId: string, now: Date): Promise<boolean> {
  const [subscription] = await tx
    .select({ seats: subscriptions.seats })
    .from(subscriptions)
    .where(eq(subscriptions.teamId, teamId))
    .for("update");
  return (await seatsInUse(tx, teamId, now)) < (subscription?.seats ?? 0);
}
