import "server-only";
import { consoleUrl } from "../mail/console-url";

/** The console's addresses an identity provider is configured with, shown to managers on the provider's page. */
export function ssoEndpoints(identityProviderId: string) {
  const base = `/api/sso/${identityProviderId}`;
  return {
    /** Where the sign-in starts: the console sends the person on to the provider from here. */
    startUrl: consoleUrl(`${base}/start`),
    /** OpenID Connect redirect URI. */
    redirectUri: consoleUrl(`${base}/callback`),
    /** SAML assertion consumer service (HTTP-POST binding). */
    acsUrl: consoleUrl(`${base}/acs`),
    /** SAML service provider entity ID; also where the SP metadata XML is served. */
    spEntityId: consoleUrl(`${base}/metadata`),
  };
}
