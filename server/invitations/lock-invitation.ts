import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invitations } from "@/db/schema";
import { DomainError } from "../errors";

/** A pending invitation of the team, locked; accepted or revoked ones are refused. */
export async function lockPendingInvitation(tx: Transaction, teamId: string, invitationId: string) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.teamId, teamId), eq(invitations.id, invitationId)))
    .for("update");
  if (!invitation) throw new DomainError("NOT_FOUND", "thisInvitationDoesNotExistIn");
  if (invitation.acceptedAt)
    throw new DomainError("CONFLICT", "hasAlreadyAcceptedThisInvitation", { email: invitation.email });
  if (invitation.revokedAt)
    throw new DomainError("CONFLICT", "theInvitationOfWasRevokedInvite", { email: invitation.email });
  return invitation;
}
