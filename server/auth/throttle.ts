import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { countFailedSignIn } from "../alerts/failed-sign-ins";
import { DomainError } from "../errors";
import { tryAgainAfter } from "./rate-limits";

/** Wrong passwords an account email may take before it is locked. */
export const ACCOUNT_FAILURE_LIMIT = 20;
/** Wrong passwords one IP address may send, over all emails, before it is locked. */
export const IP_FAILURE_LIMIT = 100;
/** The first lock lasts this long; each further lock doubles it, up to a day. */
export const FIRST_LOCK_MS = 15 * 60 * 1000;
const LONGEST_LOCK_MS = 24 * 60 * 60 * 1000;
/** Failures older than this are forgotten. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

const ACCOUNT_PREFIX = "account:";

export function throttleKeys(email: string, ip: string | null): string[] {
  return [`${ACCOUNT_PREFIX}${email.trim().toLowerCase()}`, ...ipThrottleKeys(ip)];
}

export function ipThrottleKeys(ip: string | null): string[] {
  return ip ? [`ip:${ip}`] : [];
}

function limitOf(key: string): number {
  return key.startsWith("ip:") ? IP_FAILURE_LIMIT : ACCOUNT_FAILURE_LIMIT;
}

export function lockDurationMs(locks: number): number {
  return Math.min(FIRST_LOCK_MS * 2 ** Math.max(locks - 1, 0), LONGEST_LOCK_MS);
}

/** The latest time until which any of the keys is locked, or null. */
export async function lockedUntil(db: Queryable, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(inArray(signInThrottles.key, keys));
  const locks = rows.map((r) => r.lockedUntil).filter((d): d is Date => d !== null && d > now);
  return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
}

/**
 * Counts one failure against each key, atomically, so concurrent attempts on several servers
 * all count. A key reaching its limit is locked; after a lock has passed, every further
 * failure locks it again for twice as long. A wrong password for an address also counts
 * towards the security alerts on failed sign-ins (server/alerts). Returns the lock now in force, if any.
 */
export async function recordSignInFailure(db: Queryable, keys: string[], now: Date): Promise<Date | null> {
  const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS);
  for (const key of keys) {
    const [row] = await db
      .insert(signInThrottles)
      .values({ key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: signInThrottles.key,
        set: {
          failures: sql`case when ${signInThrottles.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${signInThrottles.failures} + 1 end`,
          locks: sql`case when ${signInThrottles.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz then 0 else ${signInThrottles.locks} end`,
          lastFailureAt: now,
        },
      })
      .returning();
    if (row && row.failures >= limitOf(key) && !(row.lockedUntil && row.lockedUntil > now)) {
      const locks = row.locks + 1;
      await db
        .update(signInThrottles)
        .set({ locks, lockedUntil: new Date(now.getTime() + lockDurationMs(locks)) })
        .where(eq(signInThrottles.key, key));
    }
    if (key.startsWith(ACCOUNT_PREFIX)) await countFailedSignIn(db, key.slice(ACCOUNT_PREFIX.length), now);
  }
  return lockedUntil(db, keys, now);
}

/**
 * Wipes the account's failures and locks: after a right password once its lock has passed, or
 * a completed password reset. Not the IP's: one success must not hide a spray.
 */
export async function clearAccountThrottle(db: Queryable, email: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, throttleKeys(email, null)[0]!));
}

export function signInLocked(until: Date, now: Date): DomainError {
  return new DomainError(
    "RATE_LIMITED",
    "tooManyFailedSignIns",
    { tryAgainAfter: tryAgainAfter(until, now) },
    { retryAt: until.toISOString() },
  );
}
