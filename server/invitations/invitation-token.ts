import { createHash, randomBytes } from "node:crypto";
import { DAY_MS } from "@/lib/time";

/** A fresh link token; only its SHA-256 hash is stored, so a database leak opens no invitation. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const INVITATION_DAYS = 7;

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
}
