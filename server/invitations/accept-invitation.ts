import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, groupMemberships, invitationGroups, invitations, memberships } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { INVITATION_REFUSAL_KEYS, openInvitation } from "./open-invitation";
import { asInvitedRole } from "./resend-invitation";

/**
 * The signed-in invitee joins with the invitation's role, licence and groups. The seat was
 * held by the invitation since it was sent, so accepting needs none; the link works once.
 */
export async function acceptInvitation(
  db: Queryable,
  ctx: DomainContext,
  input: { token: string },
): Promise<{ teamId: string; teamName: string }> {
  if (ctx.actor.kind !== "account") throw new DomainError("UNAUTHENTICATED", "signInToAcceptTheInvitation");
  const accountId = ctx.actor.accountId;
  const now = ctx.clock.now();
  try {
    return await db.transaction(async (tx) => {
      const opened = await openInvitation(tx, input.token, now);
      if (!opened) throw new DomainError("NOT_FOUND", "thisInvitationLinkIsNotValid");
      // Locked and read again, so two tabs accepting the same link cannot both succeed.
      const [invitation] = await tx
        .select()
        .from(invitations)
        .where(eq(invitations.id, opened.invitation.id))
        .for("update");
      const state = invitation!.acceptedAt ? "accepted" : invitation!.revokedAt ? "revoked" : opened.state;
      if (state !== "pending") throw new DomainError("CONFLICT", INVITATION_REFUSAL_KEYS[state]);
      const [account] = await tx
        .select({ email: accounts.email, verifiedAt: accounts.emailVerifiedAt })
        .from(accounts)
        .where(eq(accounts.id, accountId));
      if (!account || account.email.toLowerCase() !== invitation!.email.toLowerCase()) {
        throw new DomainError("FORBIDDEN", "thisInvitationIsForSignOut", { email: invitation!.email });
      }
      if (!account.verifiedAt) throw new DomainError("FORBIDDEN", "verifyYourEmailAddressFirstThen");
      const [membership] = await tx
        .insert(memberships)
        .values({
          teamId: invitation!.teamId,
          accountId,
          role: asInvitedRole(invitation!.role),
          licensed: invitation!.licensed,
          status: "active",
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: memberships.id });
      const groups = await tx
        .select({ groupId: invitationGroups.groupId })
        .from(invitationGroups)
        .where(and(eq(invitationGroups.teamId, invitation!.teamId), eq(invitationGroups.invitationId, invitation!.id)));
      if (groups.length > 0) {
        await tx.insert(groupMemberships).values(
          groups.map((g) => ({
            teamId: invitation!.teamId,
            groupId: g.groupId,
            membershipId: membership!.id,
            createdAt: now,
          })),
        );
      }
      await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation!.id));
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: invitation!.teamId,
        action: "invitation.accepted",
        target: { type: "membership", id: membership!.id },
        before: { invitationId: invitation!.id, email: invitation!.email },
        after: {
          email: account.email,
          role: invitation!.role,
          licensed: invitation!.licensed,
          groupIds: groups.map((g) => g.groupId),
          status: "active",
        },
      });
      return { teamId: invitation!.teamId, teamName: opened.teamName };
    });
  } catch (error) {
    if (isUniqueViolation(error, "memberships_team_account_unique")) {
      throw new DomainError("CONFLICT", "youAreAlreadyAMemberOf");
    }
    throw error;
  }
}
