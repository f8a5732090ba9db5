import "server-only";
import { z } from "zod";
import { discoverProvider } from "./discovery";
import { fetchProviderJson, OidcProviderProblem, type OidcProviderProblemKind } from "./provider-fetch";

export type OidcConnectionReport =
  | {
      ok: true;
      issuer: string;
      authorizationEndpoint: string;
      tokenEndpoint: string;
      jwksUri: string;
      signingAlgorithms: string[];
      scopesSupported: string[];
      /** Keys in the provider's JWKS that may verify an ID token. */
      keyCount: number;
    }
  | { ok: false; problem: OidcProviderProblemKind; detail: string };

const jsonWebKeySet = z.object({
  keys: z.array(
    z.looseObject({ kty: z.string(), use: z.string().optional(), key_ops: z.array(z.string()).optional() }),
  ),
});

/**
 * Test connection: reads the provider's discovery document and its signing keys, as a sign-in
 * will, and says exactly what stands in the way. The client id and secret are proven only by a
 * real sign-in, since a provider checks them only when it redeems a code.
 */
export async function testOidcConnection(input: {
  issuer: string;
  clientId: string;
  clientSecret: string;
}): Promise<OidcConnectionReport> {
  try {
    const document = await discoverProvider(input.issuer);
    const parsed = jsonWebKeySet.safeParse(await fetchProviderJson(document.jwks_uri, "The key set (JWKS)"));
    if (!parsed.success) {
      throw new OidcProviderProblem("not_json", `${document.jwks_uri} is not a JSON Web Key Set.`);
    }
    const signingKeys = parsed.data.keys.filter(
      (key) => (key.use ?? "sig") === "sig" && (key.key_ops?.includes("verify") ?? true),
    );
    if (signingKeys.length === 0) {
      throw new OidcProviderProblem("no_signing_keys", `${document.jwks_uri} holds no key that signs ID tokens.`);
    }
    return {
      ok: true,
      issuer: document.issuer,
      authorizationEndpoint: document.authorization_endpoint,
      tokenEndpoint: document.token_endpoint,
      jwksUri: document.jwks_uri,
      signingAlgorithms: document.id_token_signing_alg_values_supported,
      scopesSupported: document.scopes_supported,
      keyCount: signingKeys.length,
    };
  } catch (error) {
    if (error instanceof OidcProviderProblem) return { ok: false, problem: error.problem, detail: error.detail };
    throw error;
  }
}
