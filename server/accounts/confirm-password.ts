import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { lockedUntil, lockMessage, recordSignInFailure, throttleKeys } from "../auth/throttle";
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
  if (!account || account.pseudonymisedAt)
    throw new DomainError("UNAUTHENTICATED", "Your account no longer exists. Sign in again.");
  const keys = throttleKeys(account.email, null);
  const locked = await lockedUntil(db, keys, now);
  if (locked) throw new DomainError("RATE_LIMITED", lockMessage(locked, now));
  if (!account.passwordHash || !(await verifyPassword(account.passwordHash, password))) {
    const lock = await recordSignInFailure(db, keys, now);
    if (lock) throw new DomainError("RATE_LIMITED", lockMessage(lock, now));
    throw new DomainError("INVALID_INPUT", "The current password is not right. Type the password you sign in with.");
  }
  return account;
}
