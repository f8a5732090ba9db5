import { type Budget, HOUR_MS } from "../auth/rate-limits";

/** A request nobody finished answering ends after this many days. */
export const TRANSFER_REQUEST_DAYS = 14;

/**
 * Requests one account may send in an hour, refused ones included: a Team ID is not guessable,
 * but nobody needs more tries than this to type one right.
 */
export const TRANSFER_REQUESTS: Budget = { name: "account-transfer-request", limit: 10, windowMs: HOUR_MS };

export const DENY_REASON_MAX = 500;

/** The side of a transfer a team stands on: the team left ("out") or the team joined ("in"). */
export type TransferSide = "out" | "in";
