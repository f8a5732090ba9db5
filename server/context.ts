import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { isLocale, LOCALE_COOKIE, type Locale, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { anonymousActor, type RequestMeta } from "./actor";
import { type RequestActor, requestActor } from "./auth/request-actor";
import type { Clock } from "./clock";
import type { DomainContext } from "./domain-context";
import { clientAddress, PEER_ADDRESS_HEADER, REQUEST_ID_HEADER, trustedProxies } from "./http/client-address";
import { REQUEST_ID } from "./http/request-id";
import { type Logger, logger } from "./logger";

export interface Context extends DomainContext {
  /** The database, or for a support session a READ ONLY transaction on it. */
  db: Database;
  log: Logger;
  /** The support session a staff member's cookie names; it counts only in that team's procedures. */
  supportSessionId?: string;
  /** The session the cookie names, resolved into `actor` by the procedure's gate (server/trpc.ts). */
  requestActor?: RequestActor;
}

export const SUPPORT_SESSION_COOKIE = "cc_support_session";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function cookieValue(headers: Headers, name: string): string | undefined {
  for (const part of headers.get("cookie")?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * Who sent the request and which request it is. The address is the socket's, or what a listed
 * trusted proxy says it is; the request id is the one the console's HTTP server settled on
 * (server/http/request-id.ts), or a fresh one for a request that did not come through it.
 */
export function requestMetaFrom(headers: Headers): RequestMeta {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  const settled = headers.get(REQUEST_ID_HEADER);
  return {
    requestId: settled && REQUEST_ID.test(settled) ? settled : randomUUID(),
    ip: clientAddress(peer, headers.get("x-forwarded-for"), trustedProxies()),
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
    locale: askedLocale(headers),
  };
}

function askedLocale(headers: Headers): Locale | undefined {
  const chosen = cookieValue(headers, LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(headers.get("accept-language")) ?? undefined;
}

/** Builds the context of one request from its headers and the session its cookie names. */
export async function createContext(input: {
  db: Database;
  clock: Clock;
  headers: Headers;
  sessionId: string | undefined;
}): Promise<Context> {
  const request = requestMetaFrom(input.headers);
  const supportSessionId = cookieValue(input.headers, SUPPORT_SESSION_COOKIE);
  return {
    db: input.db,
    clock: input.clock,
    request,
    // Anonymous until the gate resolves the session, which a team call does with its access check.
    actor: anonymousActor,
    log: logger.child({ requestId: request.requestId }),
    ...(input.sessionId
      ? {
          requestActor: requestActor(input.db, input.clock, input.sessionId),
          ...(supportSessionId && UUID.test(supportSessionId) ? { supportSessionId } : {}),
        }
      : {}),
  };
}
