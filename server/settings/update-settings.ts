import type { Queryable } from "@/db/client";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { changeSettings } from "./change-settings";

/** Sign out after inactivity: within these bounds (ASVS level 2 asks for at most two hours). */
export const SESSION_IDLE_MINUTES_MIN = 5;
export const SESSION_IDLE_MINUTES_MAX = 120;

export interface SecuritySettingsChange {
  mfaRequired?: boolean;
  sessionIdleMinutes?: number;
  /** Invitations may go only to these email domains; empty means any. */
  allowedInviteDomains?: string[];
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "acme.example, @Partner.example" → ["acme.example", "partner.example"], refusing what is not a domain. */
export function parseDomainList(text: string): string[] {
  const domains = text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  const bad = domains.filter((d) => !DOMAIN.test(d));
  if (bad.length) throw new DomainError("INVALID_INPUT", "notAnEmailDomainWriteDomains", { bad: bad.join(", ") });
  return [...new Set(domains)];
}

/** Changes the team's sign-in rules; the change and its before/after are audited together. */
export async function updateSecuritySettings(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string } & SecuritySettingsChange,
): Promise<void> {
  const { teamId, ...change } = input;
  if (
    change.sessionIdleMinutes !== undefined &&
    (change.sessionIdleMinutes < SESSION_IDLE_MINUTES_MIN || change.sessionIdleMinutes > SESSION_IDLE_MINUTES_MAX)
  ) {
    throw new DomainError("INVALID_INPUT", "signOutAfterInactivityMustBe", {
      SESSION_IDLE_MINUTES_MIN,
      SESSION_IDLE_MINUTES_MAX,
    });
  }
  if (change.mfaRequired && ctx.actor.kind === "account" && !ctx.actor.mfaVerified) {
    throw new DomainError("INVALID_INPUT", "turnOnTwoStepVerificationFor");
  }
  await changeSettings(db, ctx, teamId, change);
}
