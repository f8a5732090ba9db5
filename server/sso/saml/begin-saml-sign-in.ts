import "server-only";
import { randomBytes } from "node:crypto";
import { samlClient } from "./saml-client";

/**
 * Sends the person to the identity provider with an AuthnRequest (HTTP-Redirect binding).
 * The request id is kept with the sign-in state; the response's InResponseTo must name it.
 */
export async function beginSamlSignIn(
  provider: { id: string; issuer: string; samlSsoUrl: string; samlSigningCertificates: string[] },
  input: { acsUrl: string; spEntityId: string; relayState: string },
): Promise<{ redirectUrl: URL; requestId: string }> {
  // An XML ID must not start with a digit.
  const requestId = `_${randomBytes(20).toString("hex")}`;
  const saml = samlClient({ ...provider, ...input, now: new Date(), requestId });
  const redirectUrl = await saml.getAuthorizeUrlAsync(input.relayState, undefined, {});
  return { redirectUrl: new URL(redirectUrl), requestId };
}
