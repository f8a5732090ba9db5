import type { Queryable } from "@/db/client";
import { type Budget, spend } from "../auth/rate-limits";

/**
 * Calls per API key: 600 a minute unless the operator sets API_KEY_CALLS_PER_MINUTE, all at
 * once if the caller wants (a burst), counted across every app server.
 */
export const API_KEY_BUDGET: Budget = {
  name: "api-key",
  limit: callsPerMinute(process.env.API_KEY_CALLS_PER_MINUTE),
  windowMs: 60_000,
};

function callsPerMinute(setting: string | undefined): number {
  if (setting === undefined || setting === "") return 600;
  if (!/^\d{1,7}$/.test(setting) || Number(setting) < 1) {
    throw new Error(`API_KEY_CALLS_PER_MINUTE must be a whole number from 1 to 9999999, not "${setting}".`);
  }
  return Number(setting);
}

export interface ApiRateLimit {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * Spends one call of the key's budget and says so in the headers of the IETF RateLimit draft:
 * the limit, what is left, and the seconds until the window ends; a refused call also gets
 * Retry-After.
 */
export async function spendApiCall(db: Queryable, apiKeyId: string, now: Date): Promise<ApiRateLimit> {
  const spent = await spend(db, API_KEY_BUDGET, apiKeyId, now);
  const resetAt = spent.allowed ? spent.resetAt : spent.retryAt;
  const seconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
  const headers = {
    "ratelimit-policy": `${API_KEY_BUDGET.limit};w=${API_KEY_BUDGET.windowMs / 1000}`,
    "ratelimit-limit": String(API_KEY_BUDGET.limit),
    "ratelimit-remaining": String(spent.allowed ? API_KEY_BUDGET.limit - spent.used : 0),
    "ratelimit-reset": String(seconds),
  };
  return spent.allowed
    ? { allowed: true, headers }
    : { allowed: false, headers: { ...headers, "retry-after": String(seconds) } };
}
