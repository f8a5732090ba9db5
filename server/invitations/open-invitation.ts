import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations, teams } from "@/db/schema";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { type RefusalKey, refusalIn } from "../i18n/refusal-format";
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

export const INVITATION_REFUSAL_KEYS = {
  accepted: "invitationUsed",
  revoked: "invitationWithdrawn",
  expired: "invitationExpired",
} as const satisfies Record<Exclude<InvitationState, "pending">, RefusalKey>;

/** The same refusals in English, for the invitation page until it reads them in the visitor's language. */
export const INVITATION_REFUSALS = Object.fromEntries(
  Object.entries(INVITATION_REFUSAL_KEYS).map(([state, key]) => [state, refusalIn({ key }, DEFAULT_LOCALE)]),
) as Record<Exclude<InvitationState, "pending">, string>;
