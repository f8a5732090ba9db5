import { type NextRequest, NextResponse } from "next/server";
import { isProduction } from "./server/config/env";
import { securityHeaders } from "./server/http/security-headers";

/**
 * Gives every page a CSP nonce, which Next puts on its own scripts, and every response the
 * security headers. The request id is the console's HTTP server's (server/http/request-id.ts).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    production: isProduction(),
    development: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
