import "server-only";
import { generateServiceProviderMetadata } from "@node-saml/node-saml";

/** The console as a SAML service provider, for a manager to give the identity provider. */
export function serviceProviderMetadata(input: { acsUrl: string; spEntityId: string }): string {
  return generateServiceProviderMetadata({
    issuer: input.spEntityId,
    callbackUrl: input.acsUrl,
    identifierFormat: null,
    wantAssertionsSigned: true,
  });
}
