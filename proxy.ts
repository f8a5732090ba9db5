import { type NextRequest, NextResponse } from "next/server";
import { isProduction } from "./server/config/env";
import {
  isFromTrustedProxy,
  PEER_ADDRESS_HEADER,
  REQUEST_ID_HEADER,
  trustedProxies,
} from "./server/http/client-address";
import { securityHeaders } from "./server/http/security-headers";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request a request id (kept from a listed trusted proxy in front when
 * well-formed, never from the client itself), which the logs and audit events carry and the
 * response returns, and every page a CSP nonce, which Next puts on its own scripts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    production: isProduction(),
    development: process.env.NODE_ENV === "development",
  });
  const offered = isFromTrustedProxy(request.headers.get(PEER_ADDRESS_HEADER), trustedProxies())
    ? request.headers.get("x-request-id")
    : null;
  const requestId = offered && REQUEST_ID.test(offered) ? offered : crypto.randomUUID();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete("x-request-id");
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
