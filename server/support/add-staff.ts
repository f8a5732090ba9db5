import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, staff } from "@/db/schema";
import { findAccountByEmail } from "../accounts/find-account";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { newTotpSecret } from "../auth/totp";
import { encrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

/**
 * Makes an existing account a staff member. Staff always sign in with two-step verification:
 * an account without it gets a new secret, returned once to be put in an authenticator app.
 */
export async function addStaff(
  db: Queryable,
  ctx: DomainContext,
  input: { email: string; role: "support" | "support_admin"; totpSecret?: string },
): Promise<{ staffId: string; setupKey: string | null }> {
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const account = await findAccountByEmail(tx, input.email);
    if (!account) throw new DomainError("NOT_FOUND", "noAccountUsesThePersonSigns", { email: input.email });
    let setupKey: string | null = null;
    if (!account.totpEnabledAt) {
      setupKey = input.totpSecret ?? newTotpSecret(account.email).secret;
      await tx
        .update(accounts)
        .set({
          totpSecretEncrypted: encrypt(keyRing(), setupKey),
          totpEnabledAt: now,
          totpLastUsedStep: null,
          updatedAt: now,
        })
        .where(eq(accounts.id, account.id));
    }
    const [member] = await tx
      .insert(staff)
      .values({ accountId: account.id, role: input.role, createdAt: now })
      .onConflictDoUpdate({ target: staff.accountId, set: { role: input.role, revokedAt: null } })
      .returning({ id: staff.id });
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "staff.added",
      target: { type: "staff", id: member!.id },
      after: { email: account.email, role: input.role, twoStepEnrolled: setupKey !== null },
    });
    return { staffId: member!.id, setupKey };
  });
}

/** Takes staff rights away; open support sessions end at their next request. */
export async function removeStaff(db: Queryable, ctx: DomainContext, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: staff.id })
      .from(staff)
      .innerJoin(accounts, eq(accounts.id, staff.accountId))
      .where(and(eq(sql`lower(${accounts.email})`, email.trim().toLowerCase()), isNull(staff.revokedAt)));
    if (!row) throw new DomainError("NOT_FOUND", "isNotStaff", { email });
    await tx.update(staff).set({ revokedAt: ctx.clock.now() }).where(eq(staff.id, row.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "staff.removed",
      target: { type: "staff", id: row.id },
    });
  });
}
