import "server-only";
import type { Queryable } from "@/db/client";
import type { RequestMeta } from "../../actor";
import { type Budget, HOUR_MS, spend, tryAgainAfter } from "../../auth/rate-limits";
import type { Clock } from "../../clock";
import { DomainError } from "../../errors";
import { emailDomain } from "../domains/domain-owner";
import { ssoEndpoints } from "../sso-endpoints";
import { routeByDomain } from "./route-by-domain";

/** Look-ups one client IP may make in an hour: enough for people, too few to map who uses which provider. */
export const SSO_LOOKUPS_PER_IP: Budget = { name: "sso-lookup-ip", limit: 30, windowMs: HOUR_MS };

export interface SsoChoice {
  id: string;
  name: string;
  /** Relative, so the browser starts on the console it is on. */
  startUrl: string;
}

/**
 * The identity providers an address signs in through: the enabled providers of the team that
 * verified its domain. Every look-up spends from the client's hourly budget, whatever it finds.
 */
export async function ssoProvidersForEmail(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  email: string,
): Promise<{ providers: SsoChoice[] }> {
  const now = ctx.clock.now();
  if (ctx.request.ip) {
    const spending = await spend(db, SSO_LOOKUPS_PER_IP, ctx.request.ip, now);
    if (!spending.allowed) {
      throw new DomainError(
        "RATE_LIMITED",
        "tooManySsoLookups",
        { tryAgainAfter: tryAgainAfter(spending.retryAt, now) },
        { retryAt: spending.retryAt.toISOString() },
      );
    }
  }
  const route = await routeByDomain(db, email);
  if (!route?.providers.length) {
    throw new DomainError("NOT_FOUND", "noSingleSignOnForDomain", { domain: emailDomain(email).toLowerCase() });
  }
  return {
    providers: route.providers.map((provider) => ({
      id: provider.id,
      name: provider.name,
      startUrl: new URL(ssoEndpoints(provider.id).startUrl).pathname,
    })),
  };
}
