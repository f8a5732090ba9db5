import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import type { RequestMeta } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { createSignInChallenge } from "../auth/sign-in-challenges";
import type { Clock } from "../clock";
import { DomainError } from "../errors";
import { enqueueMail } from "../mail/enqueue-mail";
import { findAccountByEmail } from "./find-account";
import { consumeAccountToken, issueAccountCode } from "./account-tokens";
import { VERIFICATION_CODE_LIFETIME_MS, verificationMail } from "./sign-up";

const REFUSALS = {
  invalid: "This code is not right. Check the latest mail, or ask for a new code.",
  expired: "This code has expired. Ask for a new code.",
  too_many_attempts: "Too many wrong codes. Ask for a new code.",
} as const;

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
  const result = await db.transaction(async (tx) => {
    const account = await findAccountByEmail(tx, input.email);
    if (!account || account.emailVerifiedAt) return { refused: REFUSALS.invalid as string };
    const verdict = await consumeAccountToken(tx, { accountId: account.id, purpose: "verify_email", token: input.code, now });
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

/** Mails a fresh code to an address still waiting for verification; silent otherwise. */
export async function resendVerificationCode(db: Queryable, ctx: { clock: Clock }, email: string): Promise<void> {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const account = await findAccountByEmail(tx, email);
    if (!account || account.emailVerifiedAt) return;
    const code = await issueAccountCode(tx, { accountId: account.id, purpose: "verify_email", now, validForMs: VERIFICATION_CODE_LIFETIME_MS });
    await enqueueMail(tx, verificationMail(account.email, code), now);
  });
}
