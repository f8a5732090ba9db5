import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { identityProviders } from "@/db/schema";
import { signIn } from "../../auth/next-auth";
import { systemClock } from "../../clock";
import { isProduction } from "../../config/env";
import { requestMetaFrom } from "../../context";
import { getDatabase } from "../../database";
import { consoleUrl } from "../../mail/console-url";
import { serviceProviderMetadata } from "../saml";
import { ssoEndpoints } from "../sso-endpoints";
import type { SignInOutcome } from "./provider-sign-in";

/** Ties a provider sign-in to the browser that started it (OpenID Connect answers come back as top-level GETs). */
export const SSO_STATE_COOKIE = isProduction() ? "__Host-console-sso-state" : "console-sso-state";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a provider route needs: the database, the clock and who is asking; null for an id that cannot be a provider. */
export async function providerRouteContext(request: Request, providerId: string) {
  if (!UUID.test(providerId)) return null;
  const { db } = await getDatabase();
  return { db, ctx: { clock: systemClock, request: requestMetaFrom(request.headers) } };
}

/** The sign-in page, telling the person that single sign-on did not work and which reference to quote. */
export function failedSignInRedirect(reference: string): Response {
  const url = new URL(consoleUrl("/sign-in"));
  url.searchParams.set("sso", "failed");
  url.searchParams.set("reference", reference);
  return Response.redirect(url, 303);
}

/** Opens the session for an accepted answer (Auth.js sets its cookie and redirects), or says it failed. */
export async function completeProviderRoute(outcome: SignInOutcome): Promise<Response> {
  if (!outcome.ok) return failedSignInRedirect(outcome.reference);
  await signIn("credentials", { challenge: outcome.challengeToken, redirectTo: `/teams/${outcome.teamId}/home` });
  // signIn redirects by throwing; reaching here means it did not.
  return failedSignInRedirect("none");
}

/** The console's SAML service provider metadata for one of the SAML providers; null for any other id. */
export async function serviceProviderMetadataOf(db: Queryable, identityProviderId: string): Promise<string | null> {
  const [provider] = await db
    .select({ id: identityProviders.id })
    .from(identityProviders)
    .where(and(eq(identityProviders.id, identityProviderId), eq(identityProviders.kind, "saml")));
  if (!provider) return null;
  const endpoints = ssoEndpoints(provider.id);
  return serviceProviderMetadata({ acsUrl: endpoints.acsUrl, spEntityId: endpoints.spEntityId });
}
