import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import type { RequestMeta } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { spendMailBudget } from "../auth/mail-budget";
import { type Budget, HOUR_MS, spend, tryAgainAfter } from "../auth/rate-limits";
import { createSignInChallenge } from "../auth/sign-in-challenges";
import type { Clock } from "../clock";
import { DomainError } from "../errors";
import { recipientLocale } from "../i18n/reader-locale";
import type { RefusalKey } from "../i18n/refusal-format";
import { enqueueMail } from "../mail/enqueue-mail";
import { consumeAccountToken, issueAccountCode } from "./account-tokens";
import { findAccountByEmail } from "./find-account";
import { VERIFICATION_CODE_LIFETIME_MS, verificationMail } from "./sign-up";

const REFUSALS = {
  invalid: "verificationCodeInvalid",
  expired: "verificationCodeExpired",
  too_many_attempts: "verificationCodeTooManyAttempts",
} as const satisfies Record<string, RefusalKey>;

/**
 * Codes an address may try in an hour, over all the codes mailed to it: each code takes five
 * wrong tries, and a resent code gives no tries beyond this budget.
 */
export const VERIFICATION_CODE_TRIES: Budget = { name: "verify-code", limit: 10, windowMs: HOUR_MS };

/**
 * Marks the address verified when the code matches, and returns a sign-in challenge so the
 * person is signed in at once: reading the mail proved as much as the password would.
 */
export async function verifyEmail(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  input: { email: string; code: string },
): Promise<{ challengeToken: string }> {
  const now = ctx.clock.now();
  // Every try counts, right or wrong, known address or not: spent before the code is compared.
  const tried = await spend(db, VERIFICATION_CODE_TRIES, input.email.trim().toLowerCase(), now);
  if (!tried.allowed) {
    throw new DomainError(
      "RATE_LIMITED",
      "tooManyCodesWereTriedFor",
      { tryAgainAfter: tryAgainAfter(tried.retryAt, now) },
      {
        retryAt: tried.retryAt.toISOString(),
      },
    );
  }
  const result = await db.transaction(async (tx) => {
    const account = await findAccountByEmail(tx, input.email);
    if (!account || account.emailVerifiedAt) return { refused: REFUSALS.invalid as RefusalKey };
    const verdict = await consumeAccountToken(tx, {
      accountId: account.id,
      purpose: "verify_email",
      token: input.code,
      now,
    });
    if (!verdict.ok) return { refused: REFUSALS[verdict.reason] };
    await tx.update(accounts).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(accounts.id, account.id));
    await recordAudit(tx, {
      teamId: null,
      actor: { kind: "account", accountId: account.id, email: account.email, sessionId: null, mfaVerified: false },
      occurredAt: now,
      request: ctx.request,
      action: "account.email_verified",
      target: { type: "account", id: account.id },
    });
    return { challengeToken: await createSignInChallenge(tx, account.id, now) };
  });
  // Refused outside the transaction, so the count of wrong codes is kept.
  if (result.refused !== undefined) throw new DomainError("INVALID_INPUT", result.refused);
  return { challengeToken: result.challengeToken! };
}

/**
 * Mails a fresh code to an address still waiting for verification; silent otherwise. Either
 * way it spends the address's and the IP's hourly mail budget.
 */
export async function resendVerificationCode(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  email: string,
): Promise<void> {
  const now = ctx.clock.now();
  await spendMailBudget(db, ctx, email, now);
  await db.transaction(async (tx) => {
    const account = await findAccountByEmail(tx, email);
    if (!account || account.emailVerifiedAt) return;
    const code = await issueAccountCode(tx, {
      accountId: account.id,
      purpose: "verify_email",
      now,
      validForMs: VERIFICATION_CODE_LIFETIME_MS,
    });
    const locale = await recipientLocale(tx, account.id, ctx.request.locale);
    await enqueueMail(tx, verificationMail(account.email, code, locale), now);
  });
}
