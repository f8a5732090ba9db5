import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import type { RequestMeta } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { spendMailBudget } from "../auth/mail-budget";
import { endAccountSessions } from "../auth/sessions";
import { clearAccountThrottle } from "../auth/throttle";
import type { Clock } from "../clock";
import { hashPassword } from "../crypto/passwords";
import { DomainError } from "../errors";
import { recipientLocale } from "../i18n/reader-locale";
import { translatorFor } from "../i18n/translator";
import { consoleUrl } from "../mail/console-url";
import { enqueueMail } from "../mail/enqueue-mail";
import { accountIdOfLinkToken, consumeAccountToken, issueAccountLinkToken } from "./account-tokens";
import { findAccountByEmail } from "./find-account";
import { assertAcceptablePassword } from "./password-policy";
import { refusePasswordOfProviderAccount, signsInOnlyThroughProvider } from "./provider-only-account";

export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Mails a single-use reset link valid one hour. Unknown addresses, and accounts whose password
 * is their identity provider's, get the same answer and no mail, and spend the same hourly
 * mail budget, so a refusal tells nothing either.
 */
export async function requestPasswordReset(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  email: string,
): Promise<void> {
  const now = ctx.clock.now();
  await spendMailBudget(db, ctx, email, now);
  await db.transaction(async (tx) => {
    const account = await findAccountByEmail(tx, email);
    if (!account || (await signsInOnlyThroughProvider(tx, account.id))) return;
    const token = await issueAccountLinkToken(tx, {
      accountId: account.id,
      purpose: "reset_password",
      now,
      validForMs: RESET_LINK_LIFETIME_MS,
    });
    const t = translatorFor(await recipientLocale(tx, account.id), "mail");
    await enqueueMail(
      tx,
      {
        to: account.email,
        subject: t("passwordReset.subject"),
        text: t("passwordReset.text", { email: account.email, link: consoleUrl(`/reset-password/${token}`) }),
      },
      now,
    );
  });
}

/**
 * Sets a new password from a reset link and ends every session of the account. Reading the
 * mail proves control of the account, so the lock of wrong passwords is lifted too: someone
 * who keeps an account locked by guessing cannot keep its owner out.
 */
export async function resetPassword(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  input: { token: string; password: string },
): Promise<void> {
  assertAcceptablePassword(input.password);
  const accountId = accountIdOfLinkToken(input.token);
  if (!accountId) throw new DomainError("INVALID_INPUT", "resetLinkInvalid");
  const now = ctx.clock.now();
  const done = await db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(accounts)
      .where(and(eq(accounts.id, accountId), isNull(accounts.pseudonymisedAt)));
    if (!account) return false;
    await refusePasswordOfProviderAccount(tx, accountId);
    const verdict = await consumeAccountToken(tx, { accountId, purpose: "reset_password", token: input.token, now });
    if (!verdict.ok) return false;
    // Hashed only for a valid link, so made-up links cost no hashing.
    const passwordHash = await hashPassword(input.password);
    // Reading the mail proves the address too.
    await tx
      .update(accounts)
      .set({ passwordHash, emailVerifiedAt: account.emailVerifiedAt ?? now, updatedAt: now })
      .where(eq(accounts.id, accountId));
    const ended = await endAccountSessions(tx, accountId, now);
    await clearAccountThrottle(tx, account.email);
    await recordAudit(tx, {
      teamId: null,
      actor: { kind: "account", accountId, email: account.email, sessionId: null, mfaVerified: false },
      occurredAt: now,
      request: ctx.request,
      action: "account.password_reset",
      target: { type: "account", id: accountId },
      after: { sessionsEnded: ended },
    });
    const t = translatorFor(await recipientLocale(tx, accountId), "mail");
    await enqueueMail(
      tx,
      {
        to: account.email,
        subject: t("passwordWasReset.subject"),
        text: t("passwordWasReset.text", { email: account.email, link: consoleUrl("/forgot-password") }),
      },
      now,
    );
    return true;
  });
  if (!done) throw new DomainError("INVALID_INPUT", "resetLinkInvalid");
}
