import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { identityProviders } from "@/db/schema";
import type { RequestMeta } from "../../actor";
import type { Clock } from "../../clock";
import { decrypt } from "../../crypto/encryption";
import { keyRing } from "../../crypto/key-ring";
import { beginOidcSignIn, finishOidcSignIn } from "../oidc";
import { type ProviderClaims, SsoFailure } from "../provider-answer";
import { beginSamlSignIn, finishSamlSignIn } from "../saml";
import { newSignInState, saveSignInState, spendSignInState } from "../sign-in-state";
import { ssoEndpoints } from "../sso-endpoints";
import { finishProviderSignIn } from "./finish-provider-sign-in";
import { recordProviderSignInFailure } from "./record-sign-in-failure";

type Provider = typeof identityProviders.$inferSelect;
interface FlowContext {
  clock: Clock;
  request: RequestMeta;
}

async function enabledProvider(db: Queryable, identityProviderId: string): Promise<Provider> {
  const [provider] = await db.select().from(identityProviders).where(eq(identityProviders.id, identityProviderId));
  if (!provider?.enabled) throw new SsoFailure("provider_disabled", "the identity provider is disabled or gone");
  return provider;
}

function oidcSettings(provider: Provider) {
  if (!provider.issuer || !provider.clientId || !provider.clientSecretEncrypted) {
    throw new SsoFailure("provider_error", "the provider's OpenID Connect settings are incomplete");
  }
  return {
    id: provider.id,
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: decrypt(keyRing(), provider.clientSecretEncrypted),
    scopes: provider.scopes,
    groupClaim: provider.groupClaim,
  };
}

/**
 * Where the person goes to sign in at the provider, and the state that must come back: the
 * route keeps the state in a cookie too, so the answer is accepted only in the browser that asked.
 */
export async function startProviderSignIn(
  db: Queryable,
  ctx: FlowContext,
  identityProviderId: string,
): Promise<{ redirectTo: URL; state: string }> {
  const provider = await enabledProvider(db, identityProviderId);
  const state = newSignInState();
  const endpoints = ssoEndpoints(provider.id);
  const now = ctx.clock.now();
  if (provider.kind === "oidc") {
    const begun = await beginOidcSignIn(oidcSettings(provider), { redirectUri: endpoints.redirectUri, state });
    await saveSignInState(db, { state, identityProviderId: provider.id, now, ...begun });
    return { redirectTo: begun.authorizationUrl, state };
  }
  const begun = await beginSamlSignIn(samlSettings(provider), {
    acsUrl: endpoints.acsUrl,
    spEntityId: endpoints.spEntityId,
    relayState: state,
  });
  await saveSignInState(db, { state, identityProviderId: provider.id, now, samlRequestId: begun.requestId });
  return { redirectTo: begun.redirectUrl, state };
}

/** A SAML provider is usable once Test connection has read its metadata: entity ID, sign-on URL, certificates. */
function samlSettings(provider: Provider) {
  if (!provider.issuer || !provider.samlSsoUrl || provider.samlSigningCertificates.length === 0) {
    throw new SsoFailure("provider_error", "the provider's SAML metadata has not been read yet: run Test connection");
  }
  return {
    id: provider.id,
    issuer: provider.issuer,
    samlSsoUrl: provider.samlSsoUrl,
    samlSigningCertificates: provider.samlSigningCertificates,
    groupClaim: provider.groupClaim,
  };
}

export type ProviderAnswer =
  | { kind: "oidc"; callbackUrl: URL; browserState: string | undefined }
  | { kind: "saml"; samlResponse: string; relayState: string };

export type SignInOutcome = { ok: true; challengeToken: string; teamId: string } | { ok: false; reference: string };

/**
 * Checks the provider's answer by its protocol, then signs the person in (just in time). A
 * refused answer is recorded in the team's audit log; the person gets the request id to quote.
 */
export async function acceptProviderAnswer(
  db: Queryable,
  ctx: FlowContext,
  identityProviderId: string,
  answer: ProviderAnswer,
): Promise<SignInOutcome> {
  try {
    const provider = await enabledProvider(db, identityProviderId);
    const claims = await claimsFrom(db, ctx, provider, answer);
    const signedIn = await finishProviderSignIn(db, ctx, { identityProviderId: provider.id, claims });
    return { ok: true, ...signedIn };
  } catch (error) {
    if (!(error instanceof SsoFailure)) throw error;
    await recordProviderSignInFailure(db, ctx, identityProviderId, error);
    return { ok: false, reference: ctx.request.requestId };
  }
}

async function claimsFrom(
  db: Queryable,
  ctx: FlowContext,
  provider: Provider,
  answer: ProviderAnswer,
): Promise<ProviderClaims> {
  const endpoints = ssoEndpoints(provider.id);
  if (answer.kind === "oidc" && provider.kind === "oidc") {
    const state = answer.callbackUrl.searchParams.get("state") ?? "";
    if (!state || state !== answer.browserState) {
      throw new SsoFailure("state_invalid", "the answer's state does not belong to this browser's sign-in");
    }
    const saved = await spendSignInState(db, { state, identityProviderId: provider.id, now: ctx.clock.now() });
    if (!saved?.codeVerifier || !saved.nonce) throw new SsoFailure("state_invalid", "the sign-in expired or was used");
    return finishOidcSignIn(oidcSettings(provider), {
      callbackUrl: answer.callbackUrl,
      redirectUri: endpoints.redirectUri,
      state,
      codeVerifier: saved.codeVerifier,
      nonce: saved.nonce,
    });
  }
  if (answer.kind === "saml" && provider.kind === "saml") {
    // The POST comes from the provider's page, cross-site, without cookies: the RelayState names the
    // sign-in, and the signed assertion must answer that sign-in's request.
    const saved = await spendSignInState(db, {
      state: answer.relayState,
      identityProviderId: provider.id,
      now: ctx.clock.now(),
    });
    if (!saved?.samlRequestId)
      throw new SsoFailure("state_invalid", "the sign-in expired, was used, or was not started here");
    return finishSamlSignIn(db, samlSettings(provider), {
      samlResponse: answer.samlResponse,
      acsUrl: endpoints.acsUrl,
      spEntityId: endpoints.spEntityId,
      expectedRequestId: saved.samlRequestId,
      now: ctx.clock.now(),
    });
  }
  throw new SsoFailure("provider_error", `a ${answer.kind} answer came for a ${provider.kind} provider`);
}
