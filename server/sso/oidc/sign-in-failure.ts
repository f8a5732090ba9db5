import "server-only";
import { AuthorizationResponseError, ResponseBodyError } from "openid-client";
import { SsoFailure, type SsoFailureReason } from "../provider-answer";
import { OidcProviderProblem } from "./provider-fetch";

const PROBLEM_REASONS: Record<OidcProviderProblem["problem"], SsoFailureReason> = {
  not_a_url: "provider_unreachable",
  not_https: "provider_unreachable",
  private_address: "provider_unreachable",
  unreachable: "provider_unreachable",
  tls: "provider_unreachable",
  not_json: "provider_error",
  http_error: "provider_error",
  no_signing_keys: "signature_invalid",
  issuer_mismatch: "issuer_mismatch",
};

const CLAIM_REASONS: Record<string, SsoFailureReason> = {
  iss: "issuer_mismatch",
  aud: "audience_mismatch",
  azp: "audience_mismatch",
  // An ID token with another sign-in's nonce is one replayed into this sign-in.
  nonce: "replayed",
};

/** The closest reason for an error of openid-client (or of the console's own provider fetch). */
export function oidcSignInFailure(error: unknown): SsoFailure {
  if (error instanceof SsoFailure) return error;
  const problem = causes(error).find((cause) => cause instanceof OidcProviderProblem);
  if (problem) return new SsoFailure(PROBLEM_REASONS[problem.problem], problem.detail);
  if (error instanceof AuthorizationResponseError) {
    return new SsoFailure("provider_error", describeOAuthError(error.error, error.error_description));
  }
  if (error instanceof ResponseBodyError) {
    // A code is good once: a second use (or an expired code) is invalid_grant.
    const reason = error.error === "invalid_grant" ? "replayed" : "provider_error";
    return new SsoFailure(reason, `Token endpoint: ${describeOAuthError(error.error, error.error_description)}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const details = causes(error).map((cause) => ({
    message: cause instanceof Error ? cause.message : "",
    claim: (cause as { claim?: string } | null)?.claim,
  }));
  const detail = details.map((cause) => cause.message).find((text) => text && text !== message) ?? message;
  switch (code) {
    case "OAUTH_JWT_CLAIM_COMPARISON_FAILED": {
      const claim = details.find((cause) => cause.claim)?.claim ?? "";
      return new SsoFailure(CLAIM_REASONS[claim] ?? "signature_invalid", detail);
    }
    case "OAUTH_JWT_TIMESTAMP_CHECK_FAILED":
      return new SsoFailure("expired", detail);
    case "OAUTH_KEY_SELECTION_FAILED":
      return new SsoFailure("signature_invalid", detail);
    case "OAUTH_INVALID_RESPONSE":
      if (/signature/i.test(detail)) return new SsoFailure("signature_invalid", detail);
      if (/"iss"/.test(detail)) return new SsoFailure("issuer_mismatch", detail);
      if (/"state"/.test(detail)) return new SsoFailure("state_invalid", detail);
      return new SsoFailure("provider_error", detail);
    case "OAUTH_TIMEOUT":
    case "OAUTH_ABORT":
      return new SsoFailure("provider_unreachable", detail);
    default:
      return new SsoFailure("provider_error", detail);
  }
}

function describeOAuthError(error: string, description: string | undefined): string {
  return description ? `${error} (${description})` : error;
}

/** The error and every cause below it. */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current && chain.length < 10; current = (current as { cause?: unknown }).cause) {
    chain.push(current);
  }
  return chain;
}
