import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signInAtOidcPeer } from "@/server/testing/oidc-peer-browser";
import { type OidcPeer, startOidcPeer } from "@/sso-peers/oidc-provider";
import { SsoFailure } from "../provider-answer";
import { beginOidcSignIn, finishOidcSignIn } from "./sign-in";

// The provider of these tests runs on this machine, over http: only a demo allows that.
vi.stubEnv("CONSOLE_ENV", "demo");

const redirectUri = "http://localhost:3999/api/sso/b6a1c0de-0000-4000-8000-000000000001/callback";
const sam = {
  subject: "sam-0001",
  email: "sam@acme.example",
  name: "Sam Acme",
  password: "correct horse battery",
  groups: ["Sales"],
};
let peer: OidcPeer;
let provider: {
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupClaim: string;
};

beforeAll(async () => {
  peer = await startOidcPeer({
    port: 0,
    clients: [{ clientId: "console", clientSecret: "console-secret", redirectUris: [redirectUri] }],
    people: [sam],
  });
  provider = {
    id: "b6a1c0de-0000-4000-8000-000000000001",
    issuer: peer.issuer,
    clientId: "console",
    clientSecret: "console-secret",
    scopes: "openid email profile",
    groupClaim: "groups",
  };
});

afterAll(async () => {
  await peer.close();
  vi.unstubAllEnvs();
});

/** A sign-in up to the provider's answer: what the console keeps, and the URL the browser brings back. */
async function signInAtProvider(credentials: { email: string; password: string }, settings = provider) {
  const state = "state-of-this-sign-in";
  const begun = await beginOidcSignIn(settings, { redirectUri, state });
  const answer = await signInAtOidcPeer(begun.authorizationUrl, credentials);
  return { ...begun, state, answer };
}

describe("Signing in with an OpenID Connect provider", () => {
  it("sends the person to the provider with PKCE, state and nonce", async () => {
    const { authorizationUrl, codeVerifier, nonce } = await beginOidcSignIn(provider, { redirectUri, state: "s-1" });
    expect(authorizationUrl.origin + authorizationUrl.pathname).toBe(`${peer.issuer}/auth`);
    expect(Object.fromEntries(authorizationUrl.searchParams)).toMatchObject({
      client_id: "console",
      response_type: "code",
      redirect_uri: redirectUri,
      scope: "openid email profile",
      state: "s-1",
      nonce,
      code_challenge_method: "S256",
    });
    expect(authorizationUrl.searchParams.get("code_challenge")).not.toContain(codeVerifier);
  });

  it("reads the person, with their groups, from the provider's answer", async () => {
    peer.setGroups(sam.email, ["Sales", "Support"]);
    const { answer, codeVerifier, nonce, state } = await signInAtProvider(sam);
    expect(answer.url.origin + answer.url.pathname).toBe(redirectUri);

    const claims = await finishOidcSignIn(provider, {
      callbackUrl: answer.url,
      redirectUri,
      state,
      codeVerifier,
      nonce,
    });

    expect(claims).toEqual({ subject: sam.subject, email: sam.email, name: sam.name, groups: ["Sales", "Support"] });
  });

  it("shows the provider's error for a wrong password, and no answer comes back", async () => {
    const { answer } = await signInAtProvider({ email: sam.email, password: "wrong" });
    expect(answer.status).toBe(401);
    expect(answer.body).toContain("Wrong email or password.");
  });

  it("refuses an answer redeemed a second time", async () => {
    const { answer, codeVerifier, nonce, state } = await signInAtProvider(sam);
    const input = { callbackUrl: answer.url, redirectUri, state, codeVerifier, nonce };
    await finishOidcSignIn(provider, input);
    await expect(finishOidcSignIn(provider, input)).rejects.toMatchObject({ reason: "replayed" });
  });

  it("refuses an ID token that carries another sign-in's nonce", async () => {
    const { answer, codeVerifier, state } = await signInAtProvider(sam);
    const finishing = finishOidcSignIn(provider, {
      callbackUrl: answer.url,
      redirectUri,
      state,
      codeVerifier,
      nonce: "nonce-of-another-sign-in",
    });
    await expect(finishing).rejects.toBeInstanceOf(SsoFailure);
    await expect(finishing).rejects.toMatchObject({ reason: "replayed", detail: expect.stringContaining("nonce") });
  });

  it("refuses an answer to another sign-in's state", async () => {
    const { answer, codeVerifier, nonce } = await signInAtProvider(sam);
    await expect(
      finishOidcSignIn(provider, { callbackUrl: answer.url, redirectUri, state: "another-state", codeVerifier, nonce }),
    ).rejects.toMatchObject({ reason: "state_invalid" });
  });

  it("refuses a code redeemed without the sign-in's PKCE verifier, as one taken from another sign-in", async () => {
    const { answer, nonce, state } = await signInAtProvider(sam);
    await expect(
      finishOidcSignIn(provider, { callbackUrl: answer.url, redirectUri, state, codeVerifier: "x".repeat(43), nonce }),
    ).rejects.toMatchObject({ reason: "replayed", detail: expect.stringContaining("invalid_grant") });
  });

  it("refuses a provider that does not release the person's email", async () => {
    const withoutEmail = { ...provider, scopes: "openid profile" };
    const { answer, codeVerifier, nonce, state } = await signInAtProvider(sam, withoutEmail);
    await expect(
      finishOidcSignIn(withoutEmail, { callbackUrl: answer.url, redirectUri, state, codeVerifier, nonce }),
    ).rejects.toMatchObject({ reason: "no_email_claim" });
  });

  it("passes on the provider's own refusal", async () => {
    const callbackUrl = new URL(`${redirectUri}?error=access_denied&error_description=Not+allowed&state=s-2`);
    await expect(
      finishOidcSignIn(provider, { callbackUrl, redirectUri, state: "s-2", codeVerifier: "v", nonce: "n" }),
    ).rejects.toMatchObject({ reason: "provider_error", detail: "access_denied (Not allowed)" });
  });

  it("says the provider is unreachable when it is gone", async () => {
    const gone = { ...provider, issuer: "http://localhost:9", clientId: "elsewhere" };
    await expect(beginOidcSignIn(gone, { redirectUri, state: "s-3" })).rejects.toMatchObject({
      reason: "provider_unreachable",
    });
  });
});
