import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations, teams } from "@/db/schema";
import { hashInvitationToken } from "./invitation-token";

export type InvitationState = "pending" | "expired" | "revoked" | "accepted";

/** What the invitation page shows for a link: the team, the invited address and whether it can still be used. */
export async function openInvitation(db: Queryable, token: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, teamName: teams.name })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  if (!row) return null;
  const { invitation } = row;
  const state: InvitationState = invitation.acceptedAt
    ? "accepted"
    : invitation.revokedAt
      ? "revoked"
      : invitation.expiresAt <= now
        ? "expired"
        : "pending";
  return { invitation, teamName: row.teamName, state };
}

export const INVITATION_REFUSALS: Record<Exclude<InvitationState, "pending">, string> = {
  accepted: "This invitation has already been used. Each link works once; sign in to reach the team.",
  revoked: "This invitation was withdrawn by the team. Ask a team manager for a new one.",
  expired: "This invitation has expired. Ask a team manager to send it again.",
};
