import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { type Refusal, type RefusalKey, type RefusalValues, refusalIn } from "./i18n/refusal-format";

/** Every refusal the domain can give; each maps to one tRPC code. */
export const DOMAIN_ERROR_CODES = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  READ_ONLY: "FORBIDDEN",
  MFA_REQUIRED: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  NOT_AVAILABLE_FOR_PRODUCT: "PRECONDITION_FAILED",
  INVALID_INPUT: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  SEAT_LIMIT: "PRECONDITION_FAILED",
  /** A subscription change would go below what the team uses ("12 members are licensed; …"). */
  IN_USE: "PRECONDITION_FAILED",
  /** Not possible in the subscription's current state (ended, already renewed, in a trial …). */
  SUBSCRIPTION_STATE: "PRECONDITION_FAILED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  /** Single sign-on cannot be required before a provider and a domain are ready for it. */
  SSO_NOT_READY: "PRECONDITION_FAILED",
  /** An outside system's answer does not show what the change needs (a DNS record not published yet). */
  NOT_PROVEN: "PRECONDITION_FAILED",
  /** An outside system did not answer; nothing changed, and trying later may work. */
  UNREACHABLE: "SERVICE_UNAVAILABLE",
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

/**
 * A refusal with a message the user can act on ("all 10 seats are in use"). It names its message
 * in the `refusals` catalog, so each reader gets it in their language; `message` is the English
 * one, for logs and API clients.
 */
export class DomainError extends Error {
  readonly refusal: Refusal;

  constructor(
    readonly code: DomainErrorCode,
    key: RefusalKey,
    values: RefusalValues = {},
    /** Facts a page needs to act on the refusal (e.g. which team asks for two-step verification). */
    readonly details: Record<string, string> = {},
  ) {
    const refusal = { key, values };
    super(refusalIn(refusal, "en"));
    this.name = "DomainError";
    this.refusal = refusal;
  }
}
