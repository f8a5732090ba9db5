import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, identityProviders, memberships, teamDomains, teamSettings } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

export const BREAK_GLASS_ACCOUNTS_MAX = 3;

/**
 * Requires sign-in through the team's identity providers for addresses on its verified domains.
 * Only once a provider passed Test connection and a domain is verified, so the switch cannot
 * lock the team out; the owner and up to three named members keep password sign-in.
 */
export async function updateSsoRequirement(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; ssoRequired: boolean; breakGlassEmails: string[] },
): Promise<void> {
  const emails = [...new Set(input.breakGlassEmails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
  if (emails.length > BREAK_GLASS_ACCOUNTS_MAX) {
    throw new DomainError("INVALID_INPUT", "tooManyBreakGlassAccounts", { max: BREAK_GLASS_ACCOUNTS_MAX });
  }
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(teamSettings).where(eq(teamSettings.teamId, input.teamId)).for("update");
    if (!before) throw new DomainError("NOT_FOUND", "thisTeamHasNoSettings");
    const named = emails.length
      ? await tx
          .select({ accountId: accounts.id, email: sql<string>`lower(${accounts.email})` })
          .from(memberships)
          .innerJoin(accounts, eq(accounts.id, memberships.accountId))
          .where(
            and(
              eq(memberships.teamId, input.teamId),
              eq(memberships.status, "active"),
              inArray(sql`lower(${accounts.email})`, emails),
            ),
          )
      : [];
    const unknown = emails.filter((email) => !named.some((member) => member.email === email));
    if (unknown.length) throw new DomainError("INVALID_INPUT", "breakGlassNotMembers", { emails: unknown.join(", ") });
    if (input.ssoRequired && !before.ssoRequired) await refuseUnlessReady(tx, input.teamId);

    const breakGlassAccountIds = named.map((member) => member.accountId).sort();
    const previous = await emailsOf(tx, before.ssoBreakGlassAccountIds);
    if (before.ssoRequired === input.ssoRequired && previous.join() === [...emails].sort().join()) return;
    await tx
      .update(teamSettings)
      .set({
        ssoRequired: input.ssoRequired,
        ssoBreakGlassAccountIds: breakGlassAccountIds,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(teamSettings.teamId, input.teamId));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "settings.updated",
      target: { type: "team", id: input.teamId },
      before: { ssoRequired: before.ssoRequired, ssoBreakGlassAccounts: previous },
      after: { ssoRequired: input.ssoRequired, ssoBreakGlassAccounts: [...emails].sort() },
    });
  });
}

async function refuseUnlessReady(tx: Queryable, teamId: string): Promise<void> {
  const [tested] = await tx
    .select({ id: identityProviders.id })
    .from(identityProviders)
    .where(
      and(
        eq(identityProviders.teamId, teamId),
        eq(identityProviders.enabled, true),
        isNotNull(identityProviders.testedAt),
      ),
    )
    .limit(1);
  const [verified] = await tx
    .select({ id: teamDomains.id })
    .from(teamDomains)
    .where(and(eq(teamDomains.teamId, teamId), isNotNull(teamDomains.verifiedAt)))
    .limit(1);
  if (!tested) throw new DomainError("SSO_NOT_READY", "ssoRequiresTestedProvider");
  if (!verified) throw new DomainError("SSO_NOT_READY", "ssoRequiresVerifiedDomain");
}

async function emailsOf(tx: Queryable, accountIds: string[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const rows = await tx
    .select({ email: sql<string>`lower(${accounts.email})` })
    .from(accounts)
    .where(inArray(accounts.id, accountIds));
  return rows.map((row) => row.email).sort();
}
