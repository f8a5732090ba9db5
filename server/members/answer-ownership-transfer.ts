import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, memberships, ownershipTransfers } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

/** The open, unexpired ownership offer of a team, with who made it and to whom. */
export async function openOwnershipTransfer(db: Queryable, teamId: string, now: Date) {
  const [row] = await db
    .select({
      id: ownershipTransfers.id,
      fromMembershipId: ownershipTransfers.fromMembershipId,
      toMembershipId: ownershipTransfers.toMembershipId,
      toAccountId: memberships.accountId,
      toEmail: accounts.email,
      toName: accounts.name,
      expiresAt: ownershipTransfers.expiresAt,
    })
    .from(ownershipTransfers)
    .innerJoin(memberships, eq(memberships.id, ownershipTransfers.toMembershipId))
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(ownershipTransfers.teamId, teamId),
        isNull(ownershipTransfers.acceptedAt),
        isNull(ownershipTransfers.cancelledAt),
        gt(ownershipTransfers.expiresAt, now),
      ),
    );
  return row ?? null;
}

/**
 * The offered member accepts (ownership moves: the old owner becomes a team manager) or
 * declines; the owner may withdraw the offer. Everyone else is refused.
 */
export async function answerOwnershipTransfer(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; answer: "accept" | "decline" | "cancel" },
): Promise<void> {
  const now = ctx.clock.now();
  if (ctx.actor.kind !== "account") throw new DomainError("FORBIDDEN", "onlyAMemberOfTheTeam");
  const accountId = ctx.actor.accountId;
  await db.transaction(async (tx) => {
    const offer = await openOwnershipTransfer(tx, input.teamId, now);
    if (!offer) throw new DomainError("NOT_FOUND", "thereIsNoOpenOwnershipTransfer");
    await tx
      .select({ id: ownershipTransfers.id })
      .from(ownershipTransfers)
      .where(eq(ownershipTransfers.id, offer.id))
      .for("update");
    const [from] = await tx
      .select({ accountId: memberships.accountId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.id, offer.fromMembershipId))
      .for("update");
    const offeredToMe = offer.toAccountId === accountId;
    const offeredByMe = from?.accountId === accountId;
    if (input.answer === "cancel" ? !offeredByMe : !offeredToMe) {
      throw new DomainError(
        "FORBIDDEN",
        input.answer === "cancel" ? "onlyOffererCanWithdraw" : "transferOfferedToSomeoneElse",
      );
    }
    if (input.answer !== "accept") {
      await tx.update(ownershipTransfers).set({ cancelledAt: now }).where(eq(ownershipTransfers.id, offer.id));
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: input.answer === "decline" ? "ownership.transfer_declined" : "ownership.transfer_cancelled",
        target: { type: "membership", id: offer.toMembershipId },
        before: { offeredTo: offer.toEmail },
        after: null,
      });
      return;
    }
    const [to] = await tx
      .select({ role: memberships.role, status: memberships.status })
      .from(memberships)
      .where(eq(memberships.id, offer.toMembershipId))
      .for("update");
    if (from?.role !== "owner" || to?.status !== "active") {
      throw new DomainError("CONFLICT", "theTeamChangedSinceTheOffer");
    }
    // The old owner steps down first: the database allows one owner per team.
    await tx
      .update(memberships)
      .set({ role: "manager", updatedAt: now })
      .where(eq(memberships.id, offer.fromMembershipId));
    await tx.update(memberships).set({ role: "owner", updatedAt: now }).where(eq(memberships.id, offer.toMembershipId));
    await tx.update(ownershipTransfers).set({ acceptedAt: now }).where(eq(ownershipTransfers.id, offer.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "ownership.transferred",
      target: { type: "membership", id: offer.toMembershipId },
      before: { ownerMembershipId: offer.fromMembershipId, newOwnerRole: to.role },
      after: { ownerMembershipId: offer.toMembershipId, ownerEmail: offer.toEmail, previousOwnerRole: "manager" },
    });
  });
}
