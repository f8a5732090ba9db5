import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { endAccountSessions, rotateSession } from "../auth/sessions";
import { hashPassword } from "../crypto/passwords";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { recipientLocale } from "../i18n/reader-locale";
import { translatorFor } from "../i18n/translator";
import { enqueueMail } from "../mail/enqueue-mail";
import { actingAccount } from "./account-profile";
import { confirmPassword } from "./confirm-password";
import { assertAcceptablePassword } from "./password-policy";
import { refusePasswordOfProviderAccount } from "./provider-only-account";

/**
 * Sets a new password after the current one is typed again, then signs out every other
 * session of the account (whoever knew the old password loses access), replaces this
 * session by a new one (a privilege change) and mails a notice. An account that signs in
 * through its identity provider has no password here to change.
 */
export async function changePassword(
  db: Queryable,
  ctx: DomainContext,
  input: { currentPassword: string; newPassword: string },
): Promise<{ sessionsEnded: number; sessionId: string | null }> {
  const actor = actingAccount(ctx);
  await refusePasswordOfProviderAccount(db, actor.accountId);
  assertAcceptablePassword(input.newPassword);
  if (input.newPassword === input.currentPassword) {
    throw new DomainError("INVALID_INPUT", "theNewPasswordIsTheSame");
  }
  const account = await confirmPassword(db, actor.accountId, input.currentPassword, ctx.clock.now());
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash, updatedAt: now }).where(eq(accounts.id, account.id));
    const sessionsEnded = await endAccountSessions(
      tx,
      account.id,
      now,
      actor.sessionId ? { except: actor.sessionId } : {},
    );
    const sessionId = actor.sessionId ? await rotateSession(tx, actor.sessionId, now) : null;
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.password_changed",
      target: { type: "account", id: account.id },
      after: { sessionsEnded },
    });
    const t = translatorFor(await recipientLocale(tx, account.id), "mail");
    await enqueueMail(
      tx,
      {
        to: account.email,
        subject: t("passwordChanged.subject"),
        text: t("passwordChanged.text", { email: account.email, signedOut: sessionsEnded }),
      },
      now,
    );
    return { sessionsEnded, sessionId };
  });
}
