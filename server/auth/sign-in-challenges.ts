import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { signInChallenges } from "@/db/schema";

/** How long a right password waits for its second step. */
const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
/** Wrong codes a challenge survives before the password must be given again. */
export const CHALLENGE_CODE_ATTEMPTS = 5;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Proof, for a few minutes, that the account's password (or a fresh email code) was given. */
export async function createSignInChallenge(
  db: Queryable,
  accountId: string,
  now: Date,
  /** Set when an identity provider, not a password, proved who the person is. */
  identityProviderId?: string,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(signInChallenges).values({
    accountId,
    identityProviderId,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS),
  });
  return token;
}

/** The live challenge behind a token, locked for this transaction. */
export async function findLiveChallenge(db: Queryable, token: string, now: Date) {
  const [challenge] = await db
    .select()
    .from(signInChallenges)
    .where(
      and(
        eq(signInChallenges.tokenHash, hashToken(token)),
        isNull(signInChallenges.usedAt),
        gt(signInChallenges.expiresAt, now),
      ),
    )
    .for("update");
  return challenge ?? null;
}

export async function spendChallenge(db: Queryable, challengeId: string, now: Date): Promise<void> {
  await db.update(signInChallenges).set({ usedAt: now }).where(eq(signInChallenges.id, challengeId));
}

/** Counts a wrong code; the fifth one ends the challenge. */
export async function failChallenge(
  db: Queryable,
  challenge: { id: string; failedCodes: number },
  now: Date,
): Promise<void> {
  const failedCodes = challenge.failedCodes + 1;
  await db
    .update(signInChallenges)
    .set({ failedCodes, ...(failedCodes >= CHALLENGE_CODE_ATTEMPTS ? { usedAt: now } : {}) })
    .where(eq(signInChallenges.id, challenge.id));
}
