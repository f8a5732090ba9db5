import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { spendMailBudget } from "../auth/mail-budget";
import type { DomainContext } from "../domain-context";
import { actorLocale } from "../i18n/reader-locale";
import { enqueueMail } from "../mail/enqueue-mail";
import { claimSeats } from "../members/seats";
import { invitationMail } from "./invitation-mail";
import { invitationExpiry, newInvitationToken } from "./invitation-token";
import { invitingTeam } from "./invitee-checks";
import { lockPendingInvitation } from "./lock-invitation";

/**
 * Mails a new link (the old one stops working) valid for another 7 days, within the hourly
 * mail budget of the invited address and of the client's IP.
 */
export async function resendInvitation(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; invitationId: string },
): Promise<void> {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const team = await invitingTeam(tx, input.teamId);
    const invitation = await lockPendingInvitation(tx, input.teamId, input.invitationId);
    await spendMailBudget(tx, ctx, invitation.email, now);
    // An expired licensed invitation gave its seat back; it needs one again.
    if (invitation.licensed && invitation.expiresAt <= now) await claimSeats(tx, input.teamId, 1, now);
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = invitationExpiry(now);
    await tx.update(invitations).set({ tokenHash, expiresAt }).where(eq(invitations.id, invitation.id));
    await enqueueMail(
      tx,
      invitationMail({
        ...invitation,
        teamId: team.id,
        teamName: team.name,
        role: asInvitedRole(invitation.role),
        token,
        locale: await actorLocale(tx, ctx),
      }),
      now,
    );
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "invitation.resent",
      target: { type: "invitation", id: invitation.id },
      before: { email: invitation.email, expiresAt: invitation.expiresAt },
      after: { email: invitation.email, expiresAt },
    });
  });
}

/** Invitations never grant ownership; the column shares the membership role type. */
export function asInvitedRole(role: "owner" | "manager" | "member"): "manager" | "member" {
  return role === "manager" ? "manager" : "member";
}
