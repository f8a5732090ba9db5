import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, identityProviders, teams } from "@/db/schema";
import { refuseDeactivatedManagedAccount } from "../../accounts/deactivated-account";
import type { RequestMeta } from "../../actor";
import { type AuditEventInput, recordAudit } from "../../audit/record-audit";
import { createSignInChallenge } from "../../auth/sign-in-challenges";
import type { Clock } from "../../clock";
import { DomainError } from "../../errors";
import { type ProviderClaims, SsoFailure } from "../provider-answer";
import { membershipThroughProvider, syncProviderGroups } from "./join-team";
import { accountForIdentity } from "./link-identity";
import { tellManagersNoSeat } from "./no-seat-notice";

/**
 * After a provider's answer passed its protocol's checks: the account, the membership and the
 * groups are created or brought in step, in one transaction, and a sign-in challenge that needs
 * no second step is issued for Auth.js to open the session with.
 */
export async function finishProviderSignIn(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  input: { identityProviderId: string; claims: ProviderClaims },
): Promise<{ challengeToken: string; teamId: string }> {
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ provider: identityProviders, teamStatus: teams.status })
      .from(identityProviders)
      .innerJoin(teams, eq(teams.id, identityProviders.teamId))
      .where(eq(identityProviders.id, input.identityProviderId))
      .for("share", { of: identityProviders });
    if (!row?.provider.enabled) throw new SsoFailure("provider_disabled", "the identity provider is disabled");
    if (row.teamStatus === "terminated" || row.teamStatus === "purged") {
      throw new SsoFailure("provider_disabled", `the team is ${row.teamStatus}`);
    }
    const { provider } = row;
    const audit = (event: Omit<AuditEventInput, "actor" | "occurredAt" | "request">) =>
      recordAudit(tx, {
        ...event,
        actor: { kind: "system", label: `Identity provider ${provider.name}` },
        occurredAt: now,
        request: ctx.request,
      }).then(() => undefined);

    const person = await accountForIdentity(tx, provider, input.claims, now, audit);
    try {
      await refuseDeactivatedManagedAccount(tx, person.accountId);
    } catch (error) {
      if (error instanceof DomainError) throw new SsoFailure("membership_deactivated", error.message);
      throw error;
    }
    const membership = await membershipThroughProvider(tx, provider, person, now, audit);
    if (membership.product === "filemaker_cloud") {
      await syncProviderGroups(tx, provider, membership.membershipId, input.claims.groups, audit);
    }
    if (membership.noSeatForLicence) await tellManagersNoSeat(tx, provider.teamId, person.email, now);
    const name = input.claims.name?.trim();
    if (name) {
      await tx.update(accounts).set({ name, updatedAt: now }).where(eq(accounts.id, person.accountId));
    }
    const challengeToken = await createSignInChallenge(tx, person.accountId, now, provider.id);
    return { challengeToken, teamId: provider.teamId };
  });
}
