import "server-only";

/** What an identity provider said about the person, once its answer passed every check of its protocol. */
export interface ProviderClaims {
  /** The provider's stable id for the person (`sub`, or the SAML NameID). */
  subject: string;
  email: string | null;
  name: string | null;
  /** The provider groups named by the provider's group claim or attribute; empty when absent. */
  groups: string[];
}

/**
 * Why a provider's answer was not accepted. The person sees a plain message with a reference id;
 * the team's audit log keeps the reason and its technical detail.
 */
export type SsoFailureReason =
  | "state_invalid"
  | "provider_error"
  | "provider_unreachable"
  | "signature_invalid"
  | "issuer_mismatch"
  | "audience_mismatch"
  | "destination_mismatch"
  | "expired"
  | "replayed"
  | "no_email_claim"
  | "domain_not_verified"
  | "provider_disabled"
  | "identity_taken"
  | "membership_deactivated";

export class SsoFailure extends Error {
  constructor(
    readonly reason: SsoFailureReason,
    /** Technical detail for managers; never shown to the person signing in. */
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = "SsoFailure";
  }
}
