import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import { accounts, externalIdentities, identityProviders, memberships } from "@/db/schema";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import { lockIdentityProvider } from "./lock-identity-provider";

/**
 * Deletes a provider and the identities it vouched for. Refused while some members of the team
 * have no other way in (no password and no other provider), so nobody is locked out by it.
 */
export async function deleteIdentityProvider(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; identityProviderId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const provider = await lockIdentityProvider(tx, input.teamId, input.identityProviderId);
    const stranded = await membersOnlyReachableThrough(tx, input.teamId, provider.id);
    if (stranded > 0) {
      throw new DomainError("IN_USE", "identityProviderIsOnlyWayIn", { count: stranded, name: provider.name });
    }
    await tx
      .delete(identityProviders)
      .where(and(eq(identityProviders.teamId, input.teamId), eq(identityProviders.id, provider.id)));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "identity_provider.deleted",
      target: { type: "identity_provider", id: provider.id },
      before: { name: provider.name, kind: provider.kind },
    });
  });
}

/** Members of the team who have no password and no identity at any other provider. */
async function membersOnlyReachableThrough(tx: Transaction, teamId: string, identityProviderId: string) {
  const other = tx
    .select({ one: sql`1` })
    .from(externalIdentities)
    .where(
      and(eq(externalIdentities.accountId, accounts.id), ne(externalIdentities.identityProviderId, identityProviderId)),
    );
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .innerJoin(
      externalIdentities,
      and(eq(externalIdentities.accountId, accounts.id), eq(externalIdentities.identityProviderId, identityProviderId)),
    )
    .where(and(eq(memberships.teamId, teamId), isNull(accounts.passwordHash), sql`not exists (${other})`));
  return row?.count ?? 0;
}
