import "server-only";
import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import type { Queryable } from "@/db/client";
import { accounts, recoveryCodes } from "@/db/schema";
import { confirmPassword } from "../accounts/confirm-password";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { decrypt, encrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { staffMemberOf } from "../support/staff-member";
import { replaceRecoveryCodes } from "./recovery-codes";
import { endAccountSessions, rotateSession } from "./sessions";
import { newTotpSecret, verifyTotp } from "./totp";

type AccountContext = DomainContext & { actor: { kind: "account"; accountId: string; sessionId: string | null } };

/**
 * First step of turning on two-step verification, after the password is given again: a new
 * secret, kept encrypted and inactive until a code from the app confirms it.
 */
export async function startTotpEnrolment(db: Queryable, ctx: AccountContext, password: string) {
  const account = await confirmPassword(db, ctx.actor.accountId, password, ctx.clock.now());
  if (account.totpEnabledAt) throw new DomainError("CONFLICT", "twoStepVerificationIsAlreadyOn");
  const { secret, uri } = newTotpSecret(account.email);
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ totpSecretEncrypted: encrypt(keyRing(), secret), totpLastUsedStep: null, updatedAt: ctx.clock.now() })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.two_step_setup_started",
      target: { type: "account", id: account.id },
    });
  });
  return {
    setupKey: secret.replace(/(.{4})/g, "$1 ").trim(),
    qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 200 }),
  };
}

/**
 * Confirms the app with a code, turns two-step verification on and returns ten recovery codes,
 * shown once. The session is replaced, since it now holds more, and every other session of
 * the account ends: one begun by someone who had only the password must not outlive this.
 */
export async function confirmTotpEnrolment(db: Queryable, ctx: AccountContext, code: string) {
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, ctx.actor.accountId)).for("update");
    if (!account?.totpSecretEncrypted || account.totpEnabledAt) {
      throw new DomainError("CONFLICT", "startAgainTurnOnTwoStep");
    }
    const verdict = verifyTotp(decrypt(keyRing(), account.totpSecretEncrypted), code, now, null);
    if (!verdict.ok) throw new DomainError("INVALID_INPUT", "thisCodeIsNotRightCheck");
    await tx
      .update(accounts)
      .set({ totpEnabledAt: now, totpLastUsedStep: verdict.step, updatedAt: now })
      .where(eq(accounts.id, account.id));
    const codes = await replaceRecoveryCodes(tx, account.id, now);
    const sessionId = ctx.actor.sessionId
      ? await rotateSession(tx, ctx.actor.sessionId, now, { mfaVerified: true })
      : null;
    const otherSessionsEnded = await endAccountSessions(tx, account.id, now, sessionId ? { except: sessionId } : {});
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.two_step_enabled",
      target: { type: "account", id: account.id },
      after: { otherSessionsEnded },
    });
    return { recoveryCodes: codes, sessionId };
  });
}

/** Turns two-step verification off: needs the password and a current code, and not to be staff. */
export async function disableTotp(db: Queryable, ctx: AccountContext, input: { password: string; code: string }) {
  const account = await confirmPassword(db, ctx.actor.accountId, input.password, ctx.clock.now());
  if (!account.totpEnabledAt || !account.totpSecretEncrypted)
    throw new DomainError("CONFLICT", "twoStepVerificationIsAlreadyOff");
  if (await staffMemberOf(db, account.id)) {
    throw new DomainError("FORBIDDEN", "staffAccountsMustKeepTwoStep");
  }
  const now = ctx.clock.now();
  const verdict = verifyTotp(
    decrypt(keyRing(), account.totpSecretEncrypted),
    input.code,
    now,
    account.totpLastUsedStep,
  );
  if (!verdict.ok) throw new DomainError("INVALID_INPUT", "thisCodeIsNotRightType");
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ totpSecretEncrypted: null, totpEnabledAt: null, totpLastUsedStep: null, updatedAt: now })
      .where(eq(accounts.id, account.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, account.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.two_step_disabled",
      target: { type: "account", id: account.id },
    });
  });
}

/** Ten new recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(db: Queryable, ctx: AccountContext, password: string): Promise<string[]> {
  const account = await confirmPassword(db, ctx.actor.accountId, password, ctx.clock.now());
  if (!account.totpEnabledAt) throw new DomainError("CONFLICT", "turnOnTwoStepVerificationFirst");
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, account.id, ctx.clock.now());
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.recovery_codes_replaced",
      target: { type: "account", id: account.id },
    });
    return codes;
  });
}
