import type { Queryable, Transaction } from "@/db/client";
import { isUniqueViolation } from "../db-errors";
import type { RefusalKey } from "../i18n/refusal-format";
import { type EarlierCharge, earlierCharge } from "./invoices";
import { lockSubscription, type SubscriptionRow, type TeamRow } from "./subscription-record";

/** What a charging change answers: the invoice, the new version, and whether it was a replay. */
export interface ChargeResult {
  invoice: { id: string; number: string; totalCents: number };
  version: number;
  /** True when this key had been confirmed before: nothing new was charged. */
  replayed: boolean;
}

export interface ChargeKey {
  teamId: string;
  idempotencyKey: string;
  requestFingerprint: string;
  /** What to say when the key was already used for another request. */
  mismatch: RefusalKey;
}

/**
 * Runs a change that charges, once per idempotency key: under the subscription's row lock,
 * an attempt that already committed answers with its result instead of charging again; two
 * attempts that raced past each other meet at the invoices' unique index, and the loser
 * answers with the winner's result.
 */
export async function chargeOnce<T>(
  db: Queryable,
  key: ChargeKey,
  replayed: (earlier: EarlierCharge) => T,
  charge: (tx: Transaction, locked: { subscription: SubscriptionRow; team: TeamRow }) => Promise<T>,
): Promise<T> {
  const replay = async (on: Queryable) => {
    const earlier = await earlierCharge(on, key);
    return earlier ? replayed(earlier) : null;
  };
  try {
    return await db.transaction(async (tx) => {
      const locked = await lockSubscription(tx, key.teamId);
      const earlier = await replay(tx);
      if (earlier) return earlier;
      return charge(tx, locked);
    });
  } catch (error) {
    if (isUniqueViolation(error, "invoices_team_idempotency_unique")) {
      const answer = await replay(db);
      if (answer) return answer;
    }
    throw error;
  }
}
