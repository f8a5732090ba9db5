import "server-only";
import {
  authorizationCodeGrant,
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  fetchUserInfo,
  randomNonce,
  randomPKCECodeVerifier,
} from "openid-client";
import { type ProviderClaims, SsoFailure } from "../provider-answer";
import { type OidcClientSettings, oidcClientConfiguration } from "./client-configuration";
import { oidcSignInFailure } from "./sign-in-failure";

export interface OidcProviderSettings extends OidcClientSettings {
  id: string;
}

/**
 * Sends the person to the provider: authorization code with PKCE (S256), the caller's one-time
 * state, and a nonce that the ID token must carry back. The caller keeps the verifier and nonce
 * with the state (saveSignInState).
 */
export async function beginOidcSignIn(
  provider: OidcProviderSettings & { scopes: string },
  input: { redirectUri: string; state: string },
): Promise<{ authorizationUrl: URL; codeVerifier: string; nonce: string }> {
  try {
    const configuration = await oidcClientConfiguration(provider);
    const codeVerifier = randomPKCECodeVerifier();
    const nonce = randomNonce();
    const scopes = new Set(["openid", ...provider.scopes.split(/\s+/).filter(Boolean)]);
    const authorizationUrl = buildAuthorizationUrl(configuration, {
      redirect_uri: input.redirectUri,
      scope: [...scopes].join(" "),
      state: input.state,
      nonce,
      code_challenge: await calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
    });
    return { authorizationUrl, codeVerifier, nonce };
  } catch (error) {
    throw oidcSignInFailure(error);
  }
}

/**
 * Takes the provider's answer at the redirect URI: redeems the code, has the library check the ID
 * token (signature against the provider's keys, fetched again for an unknown key id; issuer,
 * audience, nonce, expiry), and reads the person from it, asking userinfo for what it lacks.
 * Every refusal is an SsoFailure.
 */
export async function finishOidcSignIn(
  provider: OidcProviderSettings & { groupClaim: string },
  input: { callbackUrl: URL; redirectUri: string; state: string; codeVerifier: string; nonce: string },
): Promise<ProviderClaims> {
  const answer = input.callbackUrl.searchParams;
  if (answer.get("state") !== input.state) {
    throw new SsoFailure("state_invalid", "The answer's state is not the one this sign-in sent.");
  }
  const error = answer.get("error");
  if (error) {
    const description = answer.get("error_description");
    throw new SsoFailure("provider_error", description ? `${error} (${description})` : error);
  }
  try {
    const configuration = await oidcClientConfiguration(provider);
    // The token request must name the redirect URI exactly as sent, whatever host the answer came in on.
    const answerUrl = new URL(input.redirectUri);
    answerUrl.search = input.callbackUrl.search;
    const tokens = await authorizationCodeGrant(configuration, answerUrl, {
      expectedState: input.state,
      expectedNonce: input.nonce,
      pkceCodeVerifier: input.codeVerifier,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    let claims: Record<string, unknown> = idToken;
    const lacking = [idToken.email, idToken.name, idToken[provider.groupClaim]].includes(undefined);
    if (lacking && configuration.serverMetadata().userinfo_endpoint) {
      claims = { ...(await fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
    }
    return providerClaims(idToken.sub, claims, provider.groupClaim);
  } catch (error) {
    throw oidcSignInFailure(error);
  }
}

/**
 * An email the provider says it has not verified is not passed on (null), since it may not be the
 * person's; no email claim at all means the provider does not release it to the console.
 */
function providerClaims(subject: string, claims: Record<string, unknown>, groupClaim: string): ProviderClaims {
  const { email, email_verified: emailVerified, name, given_name: givenName, family_name: familyName } = claims;
  if (typeof email !== "string" || !email) {
    throw new SsoFailure("no_email_claim", "The provider's answer has no email claim; grant the email scope.");
  }
  // Some providers (Amazon Cognito) send the flag as a string.
  const unverified = emailVerified === false || emailVerified === "false";
  const fullName = [givenName, familyName].filter((part) => typeof part === "string" && part).join(" ");
  const groups = claims[groupClaim];
  return {
    subject,
    email: unverified ? null : email,
    name: typeof name === "string" && name ? name : fullName || null,
    groups: (Array.isArray(groups) ? groups : [groups]).filter(
      (group): group is string => typeof group === "string" && group !== "",
    ),
  };
}
