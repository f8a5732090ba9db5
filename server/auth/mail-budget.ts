import "server-only";
import type { Queryable } from "@/db/client";
import type { RequestMeta } from "../actor";
import { DomainError } from "../errors";
import { type Budget, HOUR_MS, spend, tryAgainAfter } from "./rate-limits";

/** Mail a request may have sent to one address in an hour: sign-up, codes, reset links, invitations. */
export const MAIL_PER_ADDRESS: Budget = { name: "mail-address", limit: 5, windowMs: HOUR_MS };
/** Mail requests one client IP may make in an hour, over all addresses. */
export const MAIL_PER_IP: Budget = { name: "mail-ip", limit: 20, windowMs: HOUR_MS };

/**
 * Spends one from the hourly mail budgets of the address and of the client's IP, before any
 * password is hashed or mail written. Every request counts, whether or not the address has
 * an account, so a refusal tells nothing about it.
 */
export async function spendMailBudget(
  db: Queryable,
  ctx: { request: RequestMeta },
  address: string,
  now: Date,
): Promise<void> {
  if (ctx.request.ip) {
    const fromIp = await spend(db, MAIL_PER_IP, ctx.request.ip, now);
    if (!fromIp.allowed) {
      throw new DomainError(
        "RATE_LIMITED",
        "tooManyRequestsForMailFrom",
        { tryAgainAfter: tryAgainAfter(fromIp.retryAt, now) },
        {
          retryAt: fromIp.retryAt.toISOString(),
        },
      );
    }
  }
  const toAddress = await spend(db, MAIL_PER_ADDRESS, address.trim().toLowerCase(), now);
  if (!toAddress.allowed) {
    throw new DomainError(
      "RATE_LIMITED",
      "tooManyRequestsForMailTo",
      { tryAgainAfter: tryAgainAfter(toAddress.retryAt, now) },
      {
        retryAt: toAddress.retryAt.toISOString(),
      },
    );
  }
}
