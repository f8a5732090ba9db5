import type { Queryable } from "@/db/client";
import { openInvitation } from "./open-invitation";

/**
 * The team that brings a new account into being: an account created from a pending
 * invitation to its own address is managed by the inviting team. Only a new account is
 * ever given a managing team this way; one that already exists joins as external.
 */
export async function invitingTeamOfNewAccount(
  db: Queryable,
  input: { email: string; invitationToken: string | undefined; now: Date },
): Promise<string | null> {
  if (!input.invitationToken) return null;
  const opened = await openInvitation(db, input.invitationToken, input.now);
  if (opened?.state !== "pending") return null;
  return opened.invitation.email.toLowerCase() === input.email.trim().toLowerCase() ? opened.invitation.teamId : null;
}

const INVITATION_PATH = /^\/invitations\/([A-Za-z0-9_-]{16,200})$/;

/** The invitation token in a `next` path that leads back to an invitation page, if it is one. */
export function invitationTokenInPath(path: string | undefined): string | undefined {
  return path ? INVITATION_PATH.exec(path)?.[1] : undefined;
}
