import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import type { RequestMeta } from "../actor";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../clock";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { recipientLocale } from "../i18n/reader-locale";
import type { RefusalKey } from "../i18n/refusal-format";
import { translatorFor } from "../i18n/translator";
import { consoleUrl } from "../mail/console-url";
import { enqueueMail } from "../mail/enqueue-mail";
import { actingAccount } from "./account-profile";
import { accountIdOfLinkToken, consumeAccountToken, issueAccountLinkToken } from "./account-tokens";
import { confirmPassword } from "./confirm-password";
import { emailChangeRefusal } from "./email-change-refusal";
import { signsInOnlyThroughProvider } from "./provider-only-account";

export const EMAIL_CHANGE_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

async function assertAddressFree(db: Queryable, accountId: string, email: string) {
  const [taken] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(sql`lower(${accounts.email})`, email.toLowerCase()), ne(accounts.id, accountId)));
  if (taken) throw new DomainError("CONFLICT", "anotherAccountAlreadyUsesChooseA", { email });
}

/**
 * Starts a change of email: mails a link valid 24 hours to the new address (which proves the
 * person reads it) and tells the old address at once, so a hijacker cannot do it quietly.
 */
export async function requestEmailChange(
  db: Queryable,
  ctx: DomainContext,
  input: { newEmail: string; password: string },
): Promise<{ newEmail: string }> {
  const { accountId } = actingAccount(ctx);
  const newEmail = input.newEmail.trim();
  if (!z.email().safeParse(newEmail).success) {
    throw new DomainError("INVALID_INPUT", "typeTheNewEmailAddressIn");
  }
  if (await signsInOnlyThroughProvider(db, accountId)) {
    throw new DomainError("FORBIDDEN", "emailComesFromIdentityProvider");
  }
  const account = await confirmPassword(db, accountId, input.password, ctx.clock.now());
  const managed = await emailChangeRefusal(db, account);
  if (managed) throw new DomainError("FORBIDDEN", managed.key, managed.values);
  if (newEmail.toLowerCase() === account.email.toLowerCase()) {
    throw new DomainError("INVALID_INPUT", "isAlreadyYourEmailAddressType", { email: account.email });
  }
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    await assertAddressFree(tx, accountId, newEmail);
    const token = await issueAccountLinkToken(tx, {
      accountId,
      purpose: "change_email",
      now,
      validForMs: EMAIL_CHANGE_LINK_LIFETIME_MS,
      newEmail,
    });
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.email_change_requested",
      target: { type: "account", id: accountId },
      before: { email: account.email },
      after: { newEmail },
    });
    const t = translatorFor(await recipientLocale(tx, accountId), "mail");
    const values = { name: account.name, email: account.email, newEmail };
    await enqueueMail(
      tx,
      {
        to: newEmail,
        subject: t("emailChangeConfirm.subject"),
        text: t("emailChangeConfirm.text", { ...values, link: consoleUrl(`/confirm-email/${token}`) }),
      },
      now,
    );
    await enqueueMail(
      tx,
      {
        to: account.email,
        subject: t("emailChangeRequested.subject"),
        text: t("emailChangeRequested.text", values),
      },
      now,
    );
  });
  return { newEmail };
}

const LINK_REFUSALS = {
  invalid: "emailChangeLinkInvalid",
  expired: "emailChangeLinkExpired",
  too_many_attempts: "emailChangeLinkInvalid",
} as const satisfies Record<string, RefusalKey>;

/**
 * Switches the account to the new address when its emailed link is opened. Whoever opens it
 * proves they read the new address; the account is the actor, signed in here or not.
 */
export async function confirmEmailChange(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  token: string,
): Promise<{ email: string }> {
  const accountId = accountIdOfLinkToken(token);
  if (!accountId) throw new DomainError("INVALID_INPUT", LINK_REFUSALS.invalid);
  const now = ctx.clock.now();
  try {
    const outcome = await db.transaction(async (tx) => {
      const [account] = await tx
        .select()
        .from(accounts)
        .where(and(eq(accounts.id, accountId), isNull(accounts.pseudonymisedAt)))
        .for("update");
      if (!account) return { ok: false as const, refused: LINK_REFUSALS.invalid };
      const verdict = await consumeAccountToken(tx, { accountId, purpose: "change_email", token, now });
      // A refused link returns instead of throwing, so its counted attempt is kept.
      if (!verdict.ok) return { ok: false as const, refused: LINK_REFUSALS[verdict.reason] };
      if (!verdict.newEmail) return { ok: false as const, refused: LINK_REFUSALS.invalid };
      const managed = await emailChangeRefusal(tx, account);
      if (managed) throw new DomainError("FORBIDDEN", managed.key, managed.values);
      await assertAddressFree(tx, accountId, verdict.newEmail);
      await tx
        .update(accounts)
        .set({ email: verdict.newEmail, emailVerifiedAt: now, updatedAt: now })
        .where(eq(accounts.id, accountId));
      await recordAudit(tx, {
        actor: { kind: "account", accountId, email: verdict.newEmail, sessionId: null, mfaVerified: false },
        occurredAt: now,
        request: ctx.request,
        teamId: null,
        action: "account.email_changed",
        target: { type: "account", id: accountId },
        before: { email: account.email },
        after: { email: verdict.newEmail },
      });
      const t = translatorFor(await recipientLocale(tx, accountId), "mail");
      await enqueueMail(
        tx,
        {
          to: account.email,
          subject: t("emailChanged.subject"),
          text: t("emailChanged.text", { email: account.email, newEmail: verdict.newEmail }),
        },
        now,
      );
      return { ok: true as const, email: verdict.newEmail };
    });
    if (!outcome.ok) throw new DomainError("INVALID_INPUT", outcome.refused);
    return { email: outcome.email };
  } catch (error) {
    if (isUniqueViolation(error, "accounts_email_ci_unique")) {
      throw new DomainError("CONFLICT", "anotherAccountTookThisEmailAddress");
    }
    throw error;
  }
}
