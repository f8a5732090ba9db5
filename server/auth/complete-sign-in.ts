import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import { accounts } from "@/db/schema";
import type { RequestMeta } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../clock";
import { decrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import { logger } from "../logger";
import { noteBreakGlassSignIn } from "../sso/sign-in/break-glass";
import { spendRecoveryCode } from "./recovery-codes";
import { recordSecondStepFailure, secondStepLockedUntil } from "./second-step-lock";
import { createSession } from "./sessions";
import { failChallenge, findLiveChallenge, spendChallenge } from "./sign-in-challenges";
import { countSignInFailure, countSignInSuccess } from "./sign-in-metrics";
import { ipThrottleKeys, recordSignInFailure } from "./throttle";
import { verifyTotp } from "./totp";

export type SignInCompletion =
  | { ok: true; accountId: string; sessionId: string }
  | { ok: false; reason: "expired" | "wrong_code" }
  | { ok: false; reason: "locked"; until: Date };

/**
 * The last step of signing in: for an account with two-step verification, an authentication
 * code (never one already used) or an unused recovery code. It opens a new session. Wrong
 * codes count per challenge and per account; a locked second step ends the challenge.
 */
export async function completeSignIn(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  input: { challengeToken: string; code?: string; recoveryCode?: string },
): Promise<SignInCompletion> {
  const now = ctx.clock.now();
  const completion = await db.transaction(async (tx): Promise<SignInCompletion> => {
    const challenge = await findLiveChallenge(tx, input.challengeToken, now);
    if (!challenge) return { ok: false, reason: "expired" } as const;
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, challenge.accountId)).for("update");
    if (!account || account.pseudonymisedAt) return { ok: false, reason: "expired" } as const;

    // An identity provider's sign-in did its own second step; the console asks for no code after it.
    let method = challenge.identityProviderId ? "identity_provider" : "password";
    if (!challenge.identityProviderId && account.totpEnabledAt && account.totpSecretEncrypted) {
      // The account row is locked above, so concurrent challenges are counted one after another.
      const locked = await secondStepLockedUntil(tx, account.id, now);
      if (locked) {
        await spendChallenge(tx, challenge.id, now);
        return { ok: false, reason: "locked", until: locked } as const;
      }
      const second = await checkSecondStep(tx, ctx, account, input, now);
      if (!second.ok) {
        await failChallenge(tx, challenge, now);
        await recordSignInFailure(tx, ipThrottleKeys(ctx.request.ip), now);
        const lock = await recordSecondStepFailure(tx, ctx, account, now);
        countSignInFailure("second_step", Boolean(lock));
        if (lock) {
          await spendChallenge(tx, challenge.id, now);
          return { ok: false, reason: "locked", until: lock } as const;
        }
        return { ok: false, reason: "wrong_code" } as const;
      }
      method = second.method;
    }

    await spendChallenge(tx, challenge.id, now);
    const sessionId = await createSession(tx, {
      accountId: account.id,
      now,
      ip: ctx.request.ip,
      userAgent: ctx.request.userAgent,
      // The provider's own second step is trusted for its own team only (see team-access).
      mfaVerified: method !== "password" && method !== "identity_provider",
      identityProviderId: challenge.identityProviderId,
    });
    await tx.update(accounts).set({ lastSignInAt: now }).where(eq(accounts.id, account.id));
    if (!challenge.identityProviderId) {
      await noteBreakGlassSignIn(tx, { account, sessionId, now, request: ctx.request });
    }
    await recordAudit(tx, {
      teamId: null,
      actor: {
        kind: "account",
        accountId: account.id,
        email: account.email,
        sessionId,
        mfaVerified: method !== "password" && method !== "identity_provider",
      },
      occurredAt: now,
      request: ctx.request,
      action: "account.signed_in",
      target: { type: "account", id: account.id },
      after: { sessionId, method },
    });
    return { ok: true, accountId: account.id, sessionId } as const;
  });
  if (completion.ok) countSignInSuccess();
  return completion;
}

async function checkSecondStep(
  tx: Transaction,
  ctx: { request: RequestMeta },
  account: typeof accounts.$inferSelect,
  input: { code?: string; recoveryCode?: string },
  now: Date,
): Promise<{ ok: true; method: string } | { ok: false }> {
  if (input.recoveryCode) {
    return (await spendRecoveryCode(tx, account.id, input.recoveryCode, now))
      ? { ok: true, method: "recovery_code" }
      : { ok: false };
  }
  if (!input.code) return { ok: false };
  const secret = decrypt(keyRing(), account.totpSecretEncrypted!);
  const verdict = verifyTotp(secret, input.code, now, account.totpLastUsedStep);
  if (verdict.ok) {
    await tx.update(accounts).set({ totpLastUsedStep: verdict.step }).where(eq(accounts.id, account.id));
    return { ok: true, method: "totp" };
  }
  if (verdict.reason === "replayed") {
    logger.warn({ requestId: ctx.request.requestId, accountId: account.id }, "authentication code replayed");
    await recordAudit(tx, {
      teamId: null,
      actor: { kind: "account", accountId: account.id, email: account.email, sessionId: null, mfaVerified: false },
      occurredAt: now,
      request: ctx.request,
      action: "account.totp_replay_refused",
      target: { type: "account", id: account.id },
    });
  }
  return { ok: false };
}
