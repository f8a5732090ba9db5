import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { encrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import { hashPassword } from "../crypto/passwords";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

export type NewAccount = {
  /** Chosen by the caller when the new account is itself the actor (sign-up). */
  id?: string;
  email: string;
  name: string;
  phone?: string;
  emailVerified: boolean;
  /**
   * The team that brings this account into being (an invitation's sign-up, the team's own
   * creation) manages it: its managers may deactivate it. An existing account never gains a
   * managing team by joining; it stays external.
   */
  managedByTeamId?: string;
  /** A hash when the caller has hashed already (sign-up hashes on every path, whatever it finds). */
} & ({ password: string } | { passwordHash: string });

export async function createAccount(db: Queryable, ctx: DomainContext, input: NewAccount): Promise<{ id: string }> {
  const passwordHash = "passwordHash" in input ? input.passwordHash : await hashPassword(input.password);
  const now = ctx.clock.now();
  try {
    return await db.transaction(async (tx) => {
      const [account] = await tx
        .insert(accounts)
        .values({
          ...(input.id ? { id: input.id } : {}),
          email: input.email.trim(),
          name: input.name.trim(),
          passwordHash,
          phoneEncrypted: input.phone ? encrypt(keyRing(), input.phone) : null,
          emailVerifiedAt: input.emailVerified ? now : null,
          managedByTeamId: input.managedByTeamId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: accounts.id });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.managedByTeamId ?? null,
        action: "account.created",
        target: { type: "account", id: account!.id },
        after: { email: input.email.trim(), name: input.name.trim(), managedByTeamId: input.managedByTeamId ?? null },
      });
      return account!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "accounts_email_ci_unique")) {
      throw new DomainError("CONFLICT", "anAccountWithTheEmailAlready", { email: input.email.trim() });
    }
    throw error;
  }
}
