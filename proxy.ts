import { type NextRequest, NextResponse } from "next/server";
import { securityHeaders } from "./server/http/security-headers";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request a request id (kept from a proxy in front when well-formed), which the
 * logs and audit events carry and the response returns, and every page a CSP nonce, which
 * Next puts on its own scripts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    production: process.env.CONSOLE_ENV === "production",
    development: process.env.NODE_ENV === "development",
  });
  const offered = request.headers.get("x-request-id");
  const requestId = offered && REQUEST_ID.test(offered) ? offered : crypto.randomUUID();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
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
