import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import {
  accounts,
  accountTokens,
  externalIdentities,
  memberships,
  notificationPreferences,
  notifications,
  recoveryCodes,
  sessions,
  signInChallenges,
  signInThrottles,
  teams,
} from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { endAccountSessions } from "../auth/sessions";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { recipientLocale } from "../i18n/reader-locale";
import { translatorFor } from "../i18n/translator";
import { enqueueMail } from "../mail/enqueue-mail";
import { erasePerson } from "../privacy/erase-person";
import { actingAccount } from "./account-profile";
import { confirmAccountHolder } from "./confirm-account-holder";

export const DELETED_ACCOUNT_NAME = "Deleted account";

/** An address that can never receive mail (RFC 6761 reserves .invalid) nor clash with a real one. */
export function pseudonymousEmail(accountId: string): string {
  return `deleted-${accountId}@invalid`;
}

/**
 * Deletes the signed-in account on its own request: its personal data is removed and the row
 * kept as a pseudonym, so audit events still point to one (unnamed) account; its addresses and
 * name in audit events become that pseudonym, and invitations and mail to it are deleted.
 * Refused while the account owns a team, since every team needs exactly one owner.
 */
export async function deleteAccount(
  db: Queryable,
  ctx: DomainContext,
  input: { password: string; confirmEmail?: string },
): Promise<{ teamsLeft: number }> {
  const { accountId } = actingAccount(ctx);
  const checked = await confirmAccountHolder(db, ctx, {
    password: input.password,
    confirmEmail: input.confirmEmail ?? "",
  });
  // Read before the erasure, which forgets the account's language too.
  const t = translatorFor(await recipientLocale(db, accountId), "mail");
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!account || account.pseudonymisedAt) throw new DomainError("UNAUTHENTICATED", "yourAccountNoLongerExistsSign");

    const left = await tx
      .select({
        id: memberships.id,
        teamId: memberships.teamId,
        teamName: teams.name,
        role: memberships.role,
        licensed: memberships.licensed,
        status: memberships.status,
      })
      .from(memberships)
      .innerJoin(teams, eq(teams.id, memberships.teamId))
      .where(eq(memberships.accountId, accountId))
      .orderBy(asc(teams.name))
      .for("update", { of: memberships });
    const owned = left.filter((m) => m.role === "owner").map((m) => m.teamName);
    if (owned.length) {
      throw new DomainError("CONFLICT", "ownerCannotDeleteAccount", { teams: owned, count: owned.length });
    }

    // Group memberships go with the memberships (foreign key cascade).
    await tx.delete(memberships).where(eq(memberships.accountId, accountId));
    for (const membership of left) {
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: membership.teamId,
        action: "membership.removed",
        target: { type: "membership", id: membership.id },
        before: { accountId, role: membership.role, licensed: membership.licensed, status: membership.status },
        after: { reason: "account_deleted" },
      });
    }

    const sessionsEnded = await endAccountSessions(tx, accountId, now);
    // Where and with which browser the person signed in is personal data too.
    await tx.update(sessions).set({ ip: null, userAgent: null }).where(eq(sessions.accountId, accountId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
    await tx.delete(accountTokens).where(eq(accountTokens.accountId, accountId));
    await tx.delete(signInChallenges).where(eq(signInChallenges.accountId, accountId));
    await tx.delete(notifications).where(eq(notifications.accountId, accountId));
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.accountId, accountId));
    // A provider's subject names the person too; signing in through it again makes a new account.
    await tx.delete(externalIdentities).where(eq(externalIdentities.accountId, accountId));
    await tx.delete(signInThrottles).where(eq(signInThrottles.key, `account:${account.email.toLowerCase()}`));
    await tx
      .update(accounts)
      .set({
        name: DELETED_ACCOUNT_NAME,
        email: pseudonymousEmail(accountId),
        passwordHash: null,
        emailVerifiedAt: null,
        phoneEncrypted: null,
        totpSecretEncrypted: null,
        totpEnabledAt: null,
        totpLastUsedStep: null,
        managedByTeamId: null,
        lastSignInAt: null,
        pseudonymisedAt: now,
        updatedAt: now,
      })
      .where(eq(accounts.id, accountId));

    const erased = await erasePerson(tx, {
      accountId,
      email: account.email,
      names: { email: () => pseudonymousEmail(accountId), name: DELETED_ACCOUNT_NAME },
      now,
    });

    // Written after the erasure, under the pseudonym the account now has.
    await recordAudit(tx, {
      ...auditContext(ctx),
      actor: { kind: "account", accountId, email: pseudonymousEmail(accountId), sessionId: null, mfaVerified: false },
      teamId: null,
      action: "account.deleted",
      target: { type: "account", id: accountId },
      after: { teamsLeft: left.length, sessionsEnded, pseudonymised: true, erased },
    });
    // The last mail to the address; its row goes as soon as it is sent.
    await enqueueMail(
      tx,
      {
        to: checked.email,
        subject: t("accountDeleted.subject"),
        text: t("accountDeleted.text", { email: checked.email, teams: left.length }),
        eraseWhenSent: true,
      },
      now,
    );
    return { teamsLeft: left.length };
  });
}
