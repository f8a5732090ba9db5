import { randomUUID } from "node:crypto";
import { isFromTrustedProxy, type TrustedProxies } from "./client-address";

/** What a request id may look like: short, and nothing a log line or header could trip on. */
export const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The id of one request, settled once by the console's HTTP server: the X-Request-Id a listed
 * trusted proxy sent, when well formed, so one id follows the request through the proxy's logs
 * and ours; otherwise a fresh one. A client's own X-Request-Id is never kept.
 */
export function settleRequestId(peer: string | null, offered: string | null, proxies: TrustedProxies): string {
  return offered && REQUEST_ID.test(offered) && isFromTrustedProxy(peer, proxies) ? offered : randomUUID();
}
