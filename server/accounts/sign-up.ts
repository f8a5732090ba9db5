import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import type { RequestMeta } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { spendMailBudget } from "../auth/mail-budget";
import type { Clock } from "../clock";
import { hashPassword } from "../crypto/passwords";
import { invitingTeamOfNewAccount } from "../invitations/inviting-team";
import { consoleUrl } from "../mail/console-url";
import { enqueueMail } from "../mail/enqueue-mail";
import { issueAccountCode } from "./account-tokens";
import { createAccount } from "./create-account";
import { assertAcceptablePassword } from "./password-policy";

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

  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(accounts)
      .where(eq(sql`lower(${accounts.email})`, email.toLowerCase()));
    if (existing?.emailVerifiedAt || existing?.pseudonymisedAt) {
      await enqueueMail(
        tx,
        {
          to: existing.email,
          subject: "Someone tried to create an account with your address",
          text: `An account already exists for ${existing.email}. If this was you, sign in at ${consoleUrl("/sign-in")} or reset your password at ${consoleUrl("/forgot-password")}. If not, you can ignore this mail.`,
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
    await enqueueMail(tx, verificationMail(email, code), now);
  });
}

export function verificationMail(email: string, code: string) {
  return {
    to: email,
    subject: `Your verification code: ${code}`,
    text: `Your Customer Console verification code is ${code}\n\nEnter it at ${consoleUrl(`/verify?email=${encodeURIComponent(email)}`)} within 24 hours. If you did not create an account, ignore this mail.`,
  };
}
