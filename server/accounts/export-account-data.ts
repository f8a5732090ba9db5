import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import {
  accounts,
  accountTokens,
  auditEvents,
  groupMemberships,
  groups,
  memberships,
  recoveryCodes,
  sessions,
  teams,
} from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { decrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { actingAccount } from "./account-profile";

/**
 * Everything the console stores about the signed-in account, readable by its owner (GDPR
 * article 15 and 20). Secrets (password hash, TOTP secret, code and token hashes) never
 * leave: recovery codes and mailed links appear only as counts and dates. The download is
 * audited, as a copy of personal data leaving the console.
 */
export async function exportAccountData(db: Queryable, ctx: DomainContext) {
  const { accountId } = actingAccount(ctx);
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
    if (!account) throw new DomainError("UNAUTHENTICATED", "yourAccountNoLongerExistsSign");
    const [managedBy] = account.managedByTeamId
      ? await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, account.managedByTeamId))
      : [];

    const membershipRows = await tx
      .select({
        id: memberships.id,
        teamId: teams.id,
        teamName: teams.name,
        product: teams.product,
        role: memberships.role,
        licensed: memberships.licensed,
        status: memberships.status,
        createdAt: memberships.createdAt,
        updatedAt: memberships.updatedAt,
      })
      .from(memberships)
      .innerJoin(teams, eq(teams.id, memberships.teamId))
      .where(eq(memberships.accountId, accountId))
      .orderBy(asc(teams.name));
    const groupRows = membershipRows.length
      ? await tx
          .select({ membershipId: groupMemberships.membershipId, name: groups.name })
          .from(groupMemberships)
          .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
          .where(
            inArray(
              groupMemberships.membershipId,
              membershipRows.map((m) => m.id),
            ),
          )
          .orderBy(asc(groups.name))
      : [];

    const sessionRows = await tx
      .select({
        id: sessions.id,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        endedAt: sessions.endedAt,
        ip: sessions.ip,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.accountId, accountId))
      .orderBy(asc(sessions.createdAt));

    const [codes] = await tx
      .select({
        total: count(),
        unused: sql<number>`count(*) filter (where ${recoveryCodes.usedAt} is null)`.mapWith(Number),
      })
      .from(recoveryCodes)
      .where(eq(recoveryCodes.accountId, accountId));

    const tokenRows = await tx
      .select({
        purpose: accountTokens.purpose,
        newEmail: accountTokens.newEmail,
        createdAt: accountTokens.createdAt,
        expiresAt: accountTokens.expiresAt,
        usedAt: accountTokens.usedAt,
      })
      .from(accountTokens)
      .where(eq(accountTokens.accountId, accountId))
      .orderBy(asc(accountTokens.createdAt));

    const eventRows = await tx
      .select({
        id: auditEvents.id,
        teamId: auditEvents.teamId,
        teamName: teams.name,
        occurredAt: auditEvents.occurredAt,
        action: auditEvents.action,
        targetType: auditEvents.targetType,
        targetId: auditEvents.targetId,
        before: auditEvents.before,
        after: auditEvents.after,
        ip: auditEvents.ip,
        userAgent: auditEvents.userAgent,
      })
      .from(auditEvents)
      .leftJoin(teams, eq(teams.id, auditEvents.teamId))
      .where(and(eq(auditEvents.actorType, "account"), eq(auditEvents.actorId, accountId)))
      .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.seq));

    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.data_exported",
      target: { type: "account", id: accountId },
    });

    return {
      exportedAt: now,
      account: {
        id: account.id,
        email: account.email,
        emailVerifiedAt: account.emailVerifiedAt,
        name: account.name,
        phone: account.phoneEncrypted ? decrypt(keyRing(), account.phoneEncrypted) : null,
        language: account.language,
        managedByTeam: managedBy ?? null,
        twoStepVerification: { enabled: account.totpEnabledAt !== null, enabledAt: account.totpEnabledAt },
        recoveryCodes: { total: codes?.total ?? 0, unused: codes?.unused ?? 0 },
        lastSignInAt: account.lastSignInAt,
        createdAt: account.createdAt,
        updatedAt: account.updatedAt,
      },
      memberships: membershipRows.map(({ id, ...membership }) => ({
        ...membership,
        groups: groupRows.filter((g) => g.membershipId === id).map((g) => g.name),
      })),
      sessions: sessionRows,
      mailedLinksAndCodes: tokenRows,
      auditEvents: eventRows,
    };
  });
}
