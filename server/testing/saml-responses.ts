import type { Queryable } from "@/db/client";
import { identityProviders, teams } from "@/db/schema";
import {
  NAME_ID_EMAIL,
  type SamlResponseFields,
  type SamlResponseSigning,
  STATUS_SUCCESS,
  samlId,
  samlPeerSigning,
  samlResponse,
} from "@/sso-peers/saml-idp";

/** The console as service provider in these tests; the addresses ssoEndpoints would give. */
export const CONSOLE_SP = {
  acsUrl: "http://localhost:3000/api/sso/crafted/acs",
  spEntityId: "http://localhost:3000/api/sso/crafted/metadata",
};

export const CRAFTED_IDP_ISSUER = "https://idp.crafted.example/saml";

/** The peer's certificate as testSamlConnection reports it: base64 DER. */
export const PEER_CERTIFICATE = samlPeerSigning.certificate.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, "");

/**
 * A response as the identity provider would send it for `requestId` at `now`, signed by the
 * peer's key (assertion and response); each test changes the one thing it is about.
 */
export function craftedSamlResponse(
  at: { now: Date; requestId: string | null },
  change: Partial<SamlResponseFields> = {},
  signing: Partial<SamlResponseSigning> = {},
): string {
  const fields: SamlResponseFields = {
    issuer: CRAFTED_IDP_ISSUER,
    destination: CONSOLE_SP.acsUrl,
    recipient: CONSOLE_SP.acsUrl,
    inResponseTo: at.requestId,
    audience: CONSOLE_SP.spEntityId,
    nameId: "casey@crafted.example",
    nameIdFormat: NAME_ID_EMAIL,
    attributes: { email: "casey@crafted.example", displayName: "Casey Crafted", groups: ["Sales", "Support"] },
    issueInstant: at.now,
    notBefore: at.now,
    notOnOrAfter: new Date(at.now.getTime() + 5 * 60 * 1000),
    confirmationNotOnOrAfter: new Date(at.now.getTime() + 5 * 60 * 1000),
    responseId: samlId(),
    assertionId: samlId(),
    statusCode: STATUS_SUCCESS,
    ...change,
  };
  return samlResponse(fields, { ...samlPeerSigning, signAssertion: true, signResponse: true, ...signing });
}

/** A SAML provider row of a team of its own, for the replay cache's foreign key. */
export async function insertSamlProvider(db: Queryable, issuer: string, certificates: string[]) {
  const [team] = await db.insert(teams).values({ name: "SAML test team", product: "filemaker_cloud" }).returning();
  const [provider] = await db
    .insert(identityProviders)
    .values({ teamId: team!.id, kind: "saml", name: `SAML ${samlId()}`, issuer, samlSigningCertificates: certificates })
    .returning();
  return {
    id: provider!.id,
    issuer,
    samlSigningCertificates: certificates,
    groupClaim: provider!.groupClaim,
  };
}
