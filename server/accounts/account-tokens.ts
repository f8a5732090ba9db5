import { createHash, randomBytes, randomInt } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accountTokens } from "@/db/schema";

type Purpose = "verify_email" | "reset_password" | "change_email";

/** Wrong tries a six-digit code survives, so it cannot be guessed. */
const MAX_FAILED_ATTEMPTS = 5;

function hashToken(accountId: string, token: string): string {
  return createHash("sha256").update(`${accountId}:${token}`).digest("hex");
}

/** A six-digit code to type in (email verification). Earlier codes of that purpose stop working. */
export async function issueAccountCode(
  db: Queryable,
  input: { accountId: string; purpose: Purpose; now: Date; validForMs: number; newEmail?: string },
): Promise<string> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await storeToken(db, { ...input, token: code });
  return code;
}

/** A long random token for a mailed link (password reset, email change). Earlier ones stop working. */
export async function issueAccountLinkToken(
  db: Queryable,
  input: { accountId: string; purpose: Purpose; now: Date; validForMs: number; newEmail?: string },
): Promise<string> {
  // The account id travels in the link so the token can be looked up with the same hash.
  const token = `${input.accountId}.${randomBytes(32).toString("base64url")}`;
  await storeToken(db, { ...input, token });
  return token;
}

async function storeToken(
  db: Queryable,
  input: { accountId: string; purpose: Purpose; now: Date; validForMs: number; newEmail?: string; token: string },
) {
  await db
    .update(accountTokens)
    .set({ usedAt: input.now })
    .where(
      and(
        eq(accountTokens.accountId, input.accountId),
        eq(accountTokens.purpose, input.purpose),
        isNull(accountTokens.usedAt),
      ),
    );
  await db.insert(accountTokens).values({
    accountId: input.accountId,
    purpose: input.purpose,
    tokenHash: hashToken(input.accountId, input.token),
    newEmail: input.newEmail ?? null,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.validForMs),
  });
}

export type TokenVerdict =
  | { ok: true; tokenId: string; newEmail: string | null }
  | { ok: false; reason: "invalid" | "expired" | "too_many_attempts" };

/**
 * Uses up the account's live token of that purpose if `token` matches it. A wrong code
 * counts against the live token; after five wrong ones it is void and a new one is needed.
 */
export async function consumeAccountToken(
  db: Queryable,
  input: { accountId: string; purpose: Purpose; token: string; now: Date },
): Promise<TokenVerdict> {
  const [live] = await db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.accountId, input.accountId),
        eq(accountTokens.purpose, input.purpose),
        isNull(accountTokens.usedAt),
      ),
    )
    .for("update");
  if (!live) return { ok: false, reason: "invalid" };
  if (live.failedAttempts >= MAX_FAILED_ATTEMPTS) return { ok: false, reason: "too_many_attempts" };
  if (live.tokenHash !== hashToken(input.accountId, input.token.trim())) {
    await db
      .update(accountTokens)
      .set({ failedAttempts: live.failedAttempts + 1 })
      .where(eq(accountTokens.id, live.id));
    return { ok: false, reason: live.failedAttempts + 1 >= MAX_FAILED_ATTEMPTS ? "too_many_attempts" : "invalid" };
  }
  if (live.expiresAt <= input.now) return { ok: false, reason: "expired" };
  await db.update(accountTokens).set({ usedAt: input.now }).where(eq(accountTokens.id, live.id));
  return { ok: true, tokenId: live.id, newEmail: live.newEmail };
}

/** The account a link token belongs to (the part before the dot). */
export function accountIdOfLinkToken(token: string): string | null {
  const accountId = token.split(".")[0] ?? "";
  return /^[0-9a-f-]{36}$/.test(accountId) ? accountId : null;
}
