import "server-only";
import type { Queryable } from "@/db/client";
import { type Budget, HOUR_MS, spend, tryAgainAfter } from "../../auth/rate-limits";
import { DomainError } from "../../errors";

/** Connection attempts a team may make in an hour: each one reaches out to an address a manager typed. */
export const SERVER_CONNECTION_TESTS: Budget = { name: "server-connection-test", limit: 30, windowMs: HOUR_MS };

/** Spends one attempt of the team's budget, or refuses with when it opens again. */
export async function spendConnectionTest(db: Queryable, teamId: string, now: Date): Promise<void> {
  const spending = await spend(db, SERVER_CONNECTION_TESTS, teamId, now);
  if (!spending.allowed) {
    throw new DomainError(
      "RATE_LIMITED",
      "tooManyServerConnectionTests",
      { tryAgainAfter: tryAgainAfter(spending.retryAt, now) },
      { retryAt: spending.retryAt.toISOString() },
    );
  }
}
