import "server-only";
import { z } from "zod";
import { fetchProviderJson, OidcProviderProblem } from "./provider-fetch";

const discoveryDocument = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  userinfo_endpoint: z.url().optional(),
  id_token_signing_alg_values_supported: z.array(z.string()).default([]),
  scopes_supported: z.array(z.string()).default([]),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
});

export type DiscoveryDocument = z.infer<typeof discoveryDocument>;

/** Where OpenID Connect Discovery puts a provider's configuration, below its issuer URL. */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/** Reads the provider's discovery document and holds it to the issuer the team configured. */
export async function discoverProvider(issuer: string): Promise<DiscoveryDocument> {
  const url = discoveryUrl(issuer);
  const parsed = discoveryDocument.safeParse(await fetchProviderJson(url, "The discovery document"));
  if (!parsed.success) {
    const missing = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new OidcProviderProblem("not_json", `${url} is not an OpenID Connect discovery document (${missing}).`);
  }
  // OpenID Connect requires the exact issuer: it is what every ID token is checked against.
  if (parsed.data.issuer !== issuer) {
    throw new OidcProviderProblem(
      "issuer_mismatch",
      `The provider calls itself "${parsed.data.issuer}", not "${issuer}"; configure that issuer.`,
    );
  }
  return parsed.data;
}
