import { createHash, timingSafeEqual } from "node:crypto";

const SHORTEST_PRODUCTION_TOKEN = 32;

/**
 * METRICS_TOKEN, the bearer token a Prometheus scraper sends for /metrics; unset, /metrics does
 * not exist. In production a short one stops the start.
 */
export function metricsToken(production: boolean, value = process.env.METRICS_TOKEN): string | null {
  if (value === undefined || value === "") return null;
  if (production && value.length < SHORTEST_PRODUCTION_TOKEN)
    throw new Error(
      `METRICS_TOKEN has ${value.length} characters; with CONSOLE_ENV=production give at least ${SHORTEST_PRODUCTION_TOKEN} (e.g. openssl rand -hex 32), or unset it to turn /metrics off.`,
    );
  return value;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether an Authorization header carries the token, compared in constant time (hashes of equal length). */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const offered = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(offered), digest(token));
}
