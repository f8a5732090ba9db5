import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { refuseDeactivatedManagedAccount } from "../accounts/deactivated-account";
import type { RequestMeta } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../clock";
import { dummyPasswordHash, hashPassword, passwordNeedsRehash, verifyPassword } from "../crypto/passwords";
import { DomainError } from "../errors";
import { logger } from "../logger";
import { routeByDomain } from "../sso/sign-in/route-by-domain";
import { secondStepLocked, secondStepLockedUntil } from "./second-step-lock";
import { createSignInChallenge } from "./sign-in-challenges";
import { countSignInFailure } from "./sign-in-metrics";
import { clearAccountThrottle, lockedUntil, recordSignInFailure, signInLocked, throttleKeys } from "./throttle";

export type SignInStart =
  | { status: "challenge"; challengeToken: string; secondStep: boolean }
  | { status: "unverified"; email: string };

/**
 * The first step of signing in: the password. Unknown email and wrong password give the same
 * answer after the same hashing work; failures count per account email and per IP, and a
 * locked key is refused, even with the right password, until its lock passes. A right
 * password clears the account's password failures, never its wrong second-step codes.
 */
export async function beginSignIn(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  credentials: { email: string; password: string },
): Promise<SignInStart> {
  const now = ctx.clock.now();
  const email = credentials.email.trim().toLowerCase();
  const keys = throttleKeys(email, ctx.request.ip);
  const locked = await lockedUntil(db, keys, now);
  if (locked) throw signInLocked(locked, now);

  const [account] = await db
    .select({
      id: accounts.id,
      email: accounts.email,
      passwordHash: accounts.passwordHash,
      emailVerifiedAt: accounts.emailVerifiedAt,
      totpEnabledAt: accounts.totpEnabledAt,
    })
    .from(accounts)
    .where(and(eq(sql`lower(${accounts.email})`, email), isNull(accounts.pseudonymisedAt)));
  await refusePasswordWhereSsoIsRequired(db, email, account);
  const passwordMatches = await verifyPassword(
    account?.passwordHash ?? (await dummyPasswordHash()),
    credentials.password,
  );

  if (!account?.passwordHash || !passwordMatches) {
    const lock = await db.transaction((tx) => recordSignInFailure(tx, keys, now));
    logger.info({ requestId: ctx.request.requestId, locked: Boolean(lock) }, "sign-in refused");
    countSignInFailure("password", Boolean(lock));
    if (lock) throw signInLocked(lock, now);
    throw new DomainError("UNAUTHENTICATED", "wrongCredentials");
  }
  await clearAccountThrottle(db, email);
  if (!account.emailVerifiedAt) return { status: "unverified", email: account.email };
  await refuseDeactivatedManagedAccount(db, account.id);
  // Told only to someone who knows the password: wrong codes, not wrong passwords, locked it.
  const secondStepLock = account.totpEnabledAt ? await secondStepLockedUntil(db, account.id, now) : null;
  if (secondStepLock) {
    throw secondStepLocked(secondStepLock, now);
  }

  if (passwordNeedsRehash(account.passwordHash)) {
    const passwordHash = await hashPassword(credentials.password);
    await db.transaction(async (tx) => {
      await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, account.id));
      await recordAudit(tx, {
        teamId: null,
        actor: { kind: "account", accountId: account.id, email: account.email, sessionId: null, mfaVerified: false },
        occurredAt: now,
        request: ctx.request,
        action: "account.password_rehashed",
        target: { type: "account", id: account.id },
      });
    });
  }
  const challengeToken = await createSignInChallenge(db, account.id, now);
  return { status: "challenge", challengeToken, secondStep: account.totpEnabledAt !== null };
}

/**
 * Where the team that verified the address's domain requires single sign-on, the answer is the
 * way to its provider, not a password check; the owner and the named break-glass accounts keep
 * their password, with two-step verification.
 */
async function refusePasswordWhereSsoIsRequired(
  db: Queryable,
  email: string,
  account: { id: string; totpEnabledAt: Date | null } | undefined,
): Promise<void> {
  const route = await routeByDomain(db, email);
  if (!route?.ssoRequired) return;
  if (!account || !route.breakGlassAccountIds.includes(account.id)) {
    throw new DomainError(
      "FORBIDDEN",
      "signInThroughIdentityProvider",
      { teamName: route.teamName },
      { sso: "required" },
    );
  }
  if (!account.totpEnabledAt)
    throw new DomainError("FORBIDDEN", "breakGlassNeedsTwoStep", { teamName: route.teamName });
}
