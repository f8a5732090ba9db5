/**
 * A browser always names the page that sent a POST in Origin (and Sec-Fetch-Site); a request
 * from another site is refused, so no page elsewhere can make a signed-in browser change
 * anything. Clients that are not browsers send neither header and carry no cookies by accident.
 */
export function isCrossOriginRequest(request: Request, allowedOrigins: readonly string[] = []): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  return origin !== new URL(request.url).origin && !allowedOrigins.includes(origin);
}

/** The console's public origin, when it sits behind a proxy that changes the Host header. */
export function configuredOrigins(): string[] {
  const url = process.env.AUTH_URL;
  return url ? [new URL(url).origin] : [];
}
