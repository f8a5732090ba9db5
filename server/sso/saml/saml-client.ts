import "server-only";
import { SAML, type SamlConfig, ValidateInResponseTo } from "@node-saml/node-saml";

/** How far the provider's clock may be from ours. */
export const ACCEPTED_CLOCK_SKEW_MS = 2 * 60 * 1000;

/**
 * node-saml reads the wall clock for NotBefore/NotOnOrAfter; the console's time is injected
 * (a clock), so the library's own time checks are run against that time instead.
 */
class ClockedSaml extends SAML {
  constructor(
    config: SamlConfig,
    private readonly nowMs: number,
  ) {
    super(config);
  }

  protected override checkTimestampsValidityError(
    _wallClockMs: number,
    notBefore: string,
    notOnOrAfter: string,
    maxTimeLimitMs?: number,
  ): Error | null {
    return super.checkTimestampsValidityError(this.nowMs, notBefore, notOnOrAfter, maxTimeLimitMs);
  }
}

export interface SamlClientSettings {
  /** The identity provider's entity ID. */
  issuer: string;
  samlSsoUrl?: string | null;
  samlSigningCertificates: string[];
  acsUrl: string;
  spEntityId: string;
  now: Date;
  requestId?: string;
}

export function samlClient(settings: SamlClientSettings): SAML {
  return new ClockedSaml(
    {
      issuer: settings.spEntityId,
      audience: settings.spEntityId,
      callbackUrl: settings.acsUrl,
      entryPoint: settings.samlSsoUrl ?? undefined,
      idpIssuer: settings.issuer,
      idpCert: settings.samlSigningCertificates,
      // Neither alone is demanded, so providers that sign only the response (Keycloak's default)
      // or only the assertion (Okta's, Entra's) both work; node-saml then refuses a response in
      // which neither carries a valid signature.
      wantAuthnResponseSigned: false,
      wantAssertionsSigned: false,
      acceptedClockSkewMs: ACCEPTED_CLOCK_SKEW_MS,
      // InResponseTo is checked against the sign-in state the console stored, not a cache in memory.
      validateInResponseTo: ValidateInResponseTo.never,
      // The provider chooses its NameID format and how the person authenticates (MFA included).
      identifierFormat: null,
      disableRequestedAuthnContext: true,
      ...(settings.requestId ? { generateUniqueId: () => settings.requestId! } : {}),
    },
    settings.now.getTime(),
  );
}
