import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { lockedUntil, recordSignInFailure, signInLocked, throttleKeys } from "../auth/throttle";
import { verifyPassword } from "../crypto/passwords";
import { DomainError } from "../errors";

/**
 * Asks for the password again before a sensitive change. Wrong tries count against the
 * account like wrong sign-ins do, so a borrowed session cannot guess it.
 */
export async function confirmPassword(
  db: Queryable,
  accountId: string,
  password: string,
  now: Date,
): Promise<typeof accounts.$inferSelect> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account || account.pseudonymisedAt) throw new DomainError("UNAUTHENTICATED", "yourAccountNoLongerExistsSign");
  const keys = throttleKeys(account.email, null);
  const locked = await lockedUntil(db, keys, now);
  if (locked) throw signInLocked(locked, now);
  if (!account.passwordHash || !(await verifyPassword(account.passwordHash, password))) {
    const lock = await recordSignInFailure(db, keys, now);
    if (lock) throw signInLocked(lock, now);
    throw new DomainError("INVALID_INPUT", "theCurrentPasswordIsNotRight");
  }
  return account;
}
