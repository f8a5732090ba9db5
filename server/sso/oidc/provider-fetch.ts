import "server-only";
import { guardedFetch } from "../../outbound/guarded-fetch";
import { checkOutboundUrl } from "../../outbound/outbound-url";

/** How long the console waits for any answer of an identity provider. */
export const PROVIDER_TIMEOUT_SECONDS = 10;

export type OidcProviderProblemKind =
  | "not_a_url"
  | "not_https"
  | "private_address"
  | "unreachable"
  | "tls"
  | "not_json"
  | "issuer_mismatch"
  | "no_signing_keys"
  | "http_error";

/** Why a provider's configuration could not be read; the detail tells a manager what to fix. */
export class OidcProviderProblem extends Error {
  constructor(
    readonly problem: OidcProviderProblemKind,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = "OidcProviderProblem";
  }
}

const OUTBOUND_REFUSALS = {
  not_a_url: (url: string) => new OidcProviderProblem("not_a_url", `"${url}" is not a URL.`),
  not_https: (url: string) => new OidcProviderProblem("not_https", `${url} does not use https.`),
  private_address: (url: string) =>
    new OidcProviderProblem("private_address", `${url} leads to a private network address.`),
  unresolvable: (url: string) => new OidcProviderProblem("unreachable", `The host of ${url} is not known to DNS.`),
};

/**
 * Every request the console sends to an OpenID Connect provider: only to an address that
 * checkOutboundUrl allows, with verified TLS, within the timeout, never following a redirect
 * (a redirect could lead past the address check).
 */
export async function fetchFromProvider(url: string, init: RequestInit = {}): Promise<Response> {
  const checked = await checkOutboundUrl(url);
  if (!checked.ok) throw OUTBOUND_REFUSALS[checked.problem](url);
  try {
    return await guardedFetch(checked.url, {
      ...init,
      redirect: "manual",
      signal: init.signal ?? AbortSignal.timeout(PROVIDER_TIMEOUT_SECONDS * 1000),
    });
  } catch (error) {
    throw networkProblem(error, checked.url);
  }
}

/** Fetches a JSON document (discovery, JWKS) of a provider, naming what went wrong. */
export async function fetchProviderJson(url: string, what: string): Promise<unknown> {
  const response = await fetchFromProvider(url, { headers: { accept: "application/json" } });
  if (response.status !== 200) {
    throw new OidcProviderProblem("http_error", `${what} at ${url} answered HTTP ${response.status}.`);
  }
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    const type = response.headers.get("content-type") ?? "no content type";
    throw new OidcProviderProblem("not_json", `${what} at ${url} answered ${type}, not JSON.`);
  }
}

const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
]);

function networkProblem(error: unknown, url: URL): OidcProviderProblem {
  if (error instanceof DOMException && error.name === "TimeoutError") {
    return new OidcProviderProblem("unreachable", `${url.origin} did not answer within ${PROVIDER_TIMEOUT_SECONDS} s.`);
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? "";
  if (code === "EPRIVATEADDRESS") return OUTBOUND_REFUSALS.private_address(url.href);
  if (TLS_CODES.has(code) || code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_")) {
    return new OidcProviderProblem(
      "tls",
      `The TLS certificate of ${url.host} is not valid: ${cause?.message ?? code}.`,
    );
  }
  return new OidcProviderProblem("unreachable", `${url.origin} cannot be reached: ${cause?.message ?? String(error)}.`);
}
