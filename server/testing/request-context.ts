import type { Database } from "@/db/client";
import type { Clock } from "../clock";
import { type Context, createContext, SUPPORT_SESSION_COOKIE } from "../context";

/**
 * The context of one request exactly as the route handler builds it: from headers and the
 * session the sign-in cookie names, with the support-session cookie when one is given.
 */
export function requestContext(
  db: Database,
  clock: Clock,
  cookies: { sessionId?: string; supportSessionId?: string } = {},
): Promise<Context> {
  const headers = new Headers({ "user-agent": "router-walk" });
  if (cookies.supportSessionId)
    headers.set("cookie", `${SUPPORT_SESSION_COOKIE}=${encodeURIComponent(cookies.supportSessionId)}`);
  return createContext({ db, clock, headers, sessionId: cookies.sessionId });
}
