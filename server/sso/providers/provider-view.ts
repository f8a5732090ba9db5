import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { identityProviders, memberships } from "@/db/schema";
import { DomainError } from "../../errors";
import { ssoEndpoints } from "../sso-endpoints";

/** A provider as pages and API clients see it: never its client secret, only whether one is set. */
export async function listIdentityProviders(db: Queryable, teamId: string) {
  const rows = await db
    .select({
      provider: identityProviders,
      memberCount: sql<number>`(select count(*)::int from ${memberships} where ${memberships.identityProviderId} = ${identityProviders.id})`,
    })
    .from(identityProviders)
    .where(eq(identityProviders.teamId, teamId))
    .orderBy(sql`lower(${identityProviders.name})`);
  return rows.map(({ provider, memberCount }) => ({ ...viewOf(provider), memberCount }));
}

export async function getIdentityProvider(db: Queryable, teamId: string, identityProviderId: string) {
  const [provider] = await db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.teamId, teamId), eq(identityProviders.id, identityProviderId)));
  if (!provider) throw new DomainError("NOT_FOUND", "identityProviderNotFound");
  const [members] = await db
    .select({ value: count() })
    .from(memberships)
    .where(eq(memberships.identityProviderId, provider.id));
  return { ...viewOf(provider), memberCount: members?.value ?? 0 };
}

export type IdentityProviderView = Awaited<ReturnType<typeof getIdentityProvider>>;

function viewOf(provider: typeof identityProviders.$inferSelect) {
  const { clientSecretEncrypted, samlMetadataXml, samlSigningCertificates, ...shown } = provider;
  return {
    ...shown,
    hasClientSecret: clientSecretEncrypted !== null,
    samlMetadataXml,
    signingCertificateCount: samlSigningCertificates.length,
    endpoints: ssoEndpoints(provider.id),
  };
}
