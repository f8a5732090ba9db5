import "server-only";
import type { Queryable, Transaction } from "@/db/client";
import { formatDateTime } from "@/lib/format";
import type { RequestMeta } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { DomainError } from "../errors";
import { recipientLocale } from "../i18n/reader-locale";
import { translatorFor } from "../i18n/translator";
import { consoleUrl } from "../mail/console-url";
import { enqueueMail } from "../mail/enqueue-mail";
import { type Budget, exhaustedUntil, HOUR_MS, spend, tryAgainAfter } from "./rate-limits";

/**
 * Wrong authentication and recovery codes an account takes in an hour before its second step
 * is locked. Counted apart from wrong passwords, so that a right password clears none of it:
 * whoever knows the password gets this many guesses an hour, however many challenges they open.
 */
export const SECOND_STEP_FAILURES: Budget = { name: "second-step", limit: 10, windowMs: HOUR_MS };

/** Until when the account's second step refuses every code, or null. */
export function secondStepLockedUntil(db: Queryable, accountId: string, now: Date): Promise<Date | null> {
  return exhaustedUntil(db, SECOND_STEP_FAILURES, accountId, now);
}

export function secondStepLocked(until: Date, now: Date): DomainError {
  return new DomainError(
    "RATE_LIMITED",
    "tooManyWrongAuthenticationCodes",
    { tryAgainAfter: tryAgainAfter(until, now) },
    { retryAt: until.toISOString() },
  );
}

/**
 * Counts one wrong code. The one that uses up the hour's budget locks the second step, and
 * the account is told by mail, since someone who knows its password is guessing codes.
 * Returns the end of the lock, if the account is now locked.
 */
export async function recordSecondStepFailure(
  db: Transaction,
  ctx: { request: RequestMeta },
  account: { id: string; email: string },
  now: Date,
): Promise<Date | null> {
  const spent = await spend(db, SECOND_STEP_FAILURES, account.id, now);
  if (spent.allowed && spent.used < SECOND_STEP_FAILURES.limit) return null;
  if (!spent.allowed) return spent.retryAt;
  const until = (await secondStepLockedUntil(db, account.id, now))!;
  await recordAudit(db, {
    teamId: null,
    actor: { kind: "account", accountId: account.id, email: account.email, sessionId: null, mfaVerified: false },
    occurredAt: now,
    request: ctx.request,
    action: "account.two_step_locked",
    target: { type: "account", id: account.id },
    after: { lockedUntil: until.toISOString(), wrongCodes: SECOND_STEP_FAILURES.limit },
  });
  const locale = await recipientLocale(db, account.id);
  const t = translatorFor(locale, "mail");
  await enqueueMail(
    db,
    {
      to: account.email,
      subject: t("secondStepLocked.subject"),
      text: t("secondStepLocked.text", {
        email: account.email,
        wrongCodes: SECOND_STEP_FAILURES.limit,
        until: formatDateTime(until, locale),
        link: consoleUrl("/forgot-password"),
      }),
    },
    now,
  );
  return until;
}
