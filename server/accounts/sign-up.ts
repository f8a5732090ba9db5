import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { RequestMeta } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { spendMailBudget } from "../auth/mail-budget";
import type { Clock } from "../clock";
import { hashPassword } from "../crypto/passwords";
import { recipientLocale } from "../i18n/reader-locale";
import { translatorFor } from "../i18n/translator";
import { invitingTeamOfNewAccount } from "../invitations/inviting-team";
import { consoleUrl } from "../mail/console-url";
import { enqueueMail } from "../mail/enqueue-mail";
import { issueAccountCode } from "./account-tokens";
import { createAccount } from "./create-account";
import { assertAcceptablePassword } from "./password-policy";
import { signsInOnlyThroughProvider } from "./provider-only-account";

export const VERIFICATION_CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Hashes a password; injected so that tests can see how much hashing a path does. */
export type PasswordHasher = (password: string) => Promise<string>;

/**
 * Creates an unverified account and mails it a verification code. Whether the address is
 * already taken is never shown: its owner gets a mail saying someone tried, and the answer
 * is the same, after the same work (one password hash, one mail). An address never verified
 * may be claimed again, by whoever can read its mail. Mail per address and per IP is limited.
 * Signing up from a team's invitation to the same address makes the team manage the new account.
 */
export async function signUp(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  input: { name: string; email: string; password: string; invitationToken?: string },
  hasher: PasswordHasher = hashPassword,
): Promise<void> {
  assertAcceptablePassword(input.password);
  const now = ctx.clock.now();
  const email = input.email.trim();
  await spendMailBudget(db, ctx, email, now);
  const passwordHash = await hasher(input.password);
  const requestLocale = ctx.request.locale ?? DEFAULT_LOCALE;

  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(accounts)
      .where(eq(sql`lower(${accounts.email})`, email.toLowerCase()));
    // An account of an identity provider never takes a password, even before its address is verified.
    const taken =
      existing &&
      (existing.emailVerifiedAt || existing.pseudonymisedAt || (await signsInOnlyThroughProvider(tx, existing.id)));
    if (taken) {
      const t = translatorFor(await recipientLocale(tx, existing.id, requestLocale), "mail");
      await enqueueMail(
        tx,
        {
          to: existing.email,
          subject: t("signUpAddressTaken.subject"),
          text: t("signUpAddressTaken.text", {
            email: existing.email,
            signInLink: consoleUrl("/sign-in"),
            resetLink: consoleUrl("/forgot-password"),
          }),
        },
        now,
      );
      return;
    }

    const managedByTeamId = await invitingTeamOfNewAccount(tx, { email, invitationToken: input.invitationToken, now });
    let accountId = existing?.id;
    if (existing) {
      // Never verified, so never used: claiming it again from an invitation is bringing it into being.
      const managingTeamId = existing.managedByTeamId ?? managedByTeamId;
      await tx
        .update(accounts)
        .set({ name: input.name.trim(), passwordHash, managedByTeamId: managingTeamId, updatedAt: now })
        .where(eq(accounts.id, existing.id));
      await recordAudit(tx, {
        teamId: null,
        actor: { kind: "account", accountId: existing.id, email: existing.email, sessionId: null, mfaVerified: false },
        occurredAt: now,
        request: ctx.request,
        action: "account.sign_up_repeated",
        target: { type: "account", id: existing.id },
        before: { name: existing.name, managedByTeamId: existing.managedByTeamId },
        after: { name: input.name.trim(), passwordChanged: true, managedByTeamId: managingTeamId },
      });
    } else {
      accountId = randomUUID();
      await createAccount(
        tx,
        {
          actor: { kind: "account", accountId, email, sessionId: null, mfaVerified: false },
          clock: ctx.clock,
          request: ctx.request,
        },
        {
          id: accountId,
          email,
          name: input.name,
          passwordHash,
          emailVerified: false,
          managedByTeamId: managedByTeamId ?? undefined,
        },
      );
    }
    const code = await issueAccountCode(tx, {
      accountId: accountId!,
      purpose: "verify_email",
      now,
      validForMs: VERIFICATION_CODE_LIFETIME_MS,
    });
    const locale = await recipientLocale(tx, accountId, requestLocale);
    await enqueueMail(tx, verificationMail(email, code, locale), now);
  });
}

export function verificationMail(email: string, code: string, locale: Locale) {
  const t = translatorFor(locale, "mail");
  return {
    to: email,
    subject: t("verification.subject", { code }),
    text: t("verification.text", { code, link: consoleUrl(`/verify?email=${encodeURIComponent(email)}`) }),
  };
}
