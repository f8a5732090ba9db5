import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { groups, identityProviders, teamDomains } from "@/db/schema";
import type { DomainContext } from "../domain-context";
import { createIdentityProvider } from "../sso/providers/create-identity-provider";
import {
  DEMO_IDENTITY_PROVIDER_ID,
  DEMO_OIDC_CLIENT_ID,
  DEMO_OIDC_CLIENT_SECRET,
  DEMO_SSO_DOMAIN,
  DEMO_SSO_DOMAIN_TOKEN,
  demoOidcIssuer,
} from "./demo-sso";

/**
 * Acme Corp signs its acme-sso.example people in through the demo's OpenID Connect provider
 * (`npm start` runs it beside the console); the provider's "Sales" group is Acme's Sales group.
 */
export async function seedDemoIdentityProvider(
  db: Database,
  owner: DomainContext,
  teamId: string,
  salesGroupId: string,
) {
  const consolePort = Number(process.env.PORT ?? "3000");
  await createIdentityProvider(db, owner, {
    id: DEMO_IDENTITY_PROVIDER_ID,
    teamId,
    kind: "oidc",
    name: "Acme SSO",
    issuer: demoOidcIssuer(consolePort),
    clientId: DEMO_OIDC_CLIENT_ID,
    clientSecret: DEMO_OIDC_CLIENT_SECRET,
    scopes: "openid email profile",
    groupClaim: "groups",
    defaultRole: "member",
    defaultLicensed: true,
  });
  const now = owner.clock.now();
  await db.update(identityProviders).set({ testedAt: now }).where(eq(identityProviders.id, DEMO_IDENTITY_PROVIDER_ID));
  await db.insert(teamDomains).values({
    teamId,
    domain: DEMO_SSO_DOMAIN,
    verificationToken: DEMO_SSO_DOMAIN_TOKEN,
    verifiedAt: now,
    lastCheckedAt: now,
  });
  await db.update(groups).set({ identityProviderGroup: "Sales" }).where(eq(groups.id, salesGroupId));
}
