import { and, eq, getTableName, inArray, lte, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database, Transaction } from "@/db/client";
import {
  accounts,
  accountTransfers,
  apiTokens,
  auditAnchors,
  auditEvents,
  auditPersonalFields,
  billingNotices,
  connectUsage,
  connectUsageAlerts,
  connectUsageTokens,
  customAppGroups,
  customApps,
  eventDispatchCursors,
  groupMemberships,
  groups,
  hostMetrics,
  hostOperations,
  hosts,
  hostUsage,
  identityProviders,
  invitationGroups,
  invitations,
  invoiceLines,
  invoices,
  mailOutbox,
  memberships,
  notifications,
  ownershipTransfers,
  paymentMethods,
  scimTokens,
  securityAlerts,
  subscriptions,
  supportGrants,
  supportSessions,
  teamBillingContacts,
  teamDomains,
  teamSettings,
  teams,
  webhookDeliveries,
  webhookEndpoints,
} from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import { noRequest, systemActor } from "../actor";
import { auditContext } from "../audit/audit-context";
import { erasePersonalAuditFields } from "../audit/erase-personal-fields";
import { recordAudit } from "../audit/record-audit";
import { configuredPurgeList, type PurgeList } from "../backup/purge-list";
import type { Clock } from "../clock";
import type { DomainContext } from "../domain-context";
import { FORMER_MEMBER_NAMES } from "../privacy/former-member";
import { RETENTION_DAYS } from "./subscription-record";

type TeamTable = PgTable & { teamId: AnyPgColumn };

/**
 * The team's customer content, deleted by the purge, children before parents. Every table
 * with a team_id column must be listed here or in KEPT_TEAM_TABLES (a test checks it), so a
 * new table cannot be forgotten by the purge.
 */
export const PURGED_TEAM_TABLES: readonly TeamTable[] = [
  customAppGroups,
  hostMetrics,
  hostOperations,
  hostUsage,
  customApps,
  hosts,
  groupMemberships,
  invitationGroups,
  invitations,
  groups,
  teamDomains,
  identityProviders,
  apiTokens,
  scimTokens,
  webhookDeliveries,
  webhookEndpoints,
  supportSessions,
  supportGrants,
  ownershipTransfers,
  accountTransfers,
  memberships,
  teamSettings,
  teamBillingContacts,
  connectUsage,
  connectUsageAlerts,
  connectUsageTokens,
  paymentMethods,
  mailOutbox,
  // Copies of the team's events for its people: they go with the team's content.
  notifications,
  securityAlerts,
];

/**
 * The minimal platform record that outlives the purge: the team row itself (status
 * `purged`), its audit chain (its personal values erased, see audit_personal_fields), the
 * chain's signed heads and dispatch cursor, the contract and its invoices (bookkeeping), and
 * the notices sent.
 */
export const KEPT_TEAM_TABLES: readonly PgTable[] = [
  teams,
  auditEvents,
  auditPersonalFields,
  auditAnchors,
  eventDispatchCursors,
  subscriptions,
  invoices,
  invoiceLines,
  billingNotices,
];

export const PURGED_TABLE_NAMES = PURGED_TEAM_TABLES.map((t) => getTableName(t));
export const KEPT_TABLE_NAMES = KEPT_TEAM_TABLES.map((t) => getTableName(t));

/**
 * Deletes the customer content of teams terminated 45 days ago or more (nothing on day 44,
 * everything on day 45). Each team is claimed with FOR UPDATE SKIP LOCKED and purged in one
 * transaction that also sets it `purged` and writes the final audit entry, so servers running
 * this at once never purge a team twice and a half-done purge never shows. Each purge is added
 * to the purge list before it commits, so no backup restored later can bring the team back.
 */
export async function runPurgeJob(
  db: Database,
  clock: Clock,
  options: { purgeList?: PurgeList } = {},
): Promise<{ purged: number }> {
  const purgeList = options.purgeList ?? configuredPurgeList();
  const ctx: DomainContext = { actor: systemActor("Retention purge"), clock, request: noRequest };
  let purged = 0;
  for (let i = 0; i < 100; i++) {
    const done = await db.transaction(async (tx) => {
      const now = clock.now();
      const cutoff = new Date(now.getTime() - RETENTION_DAYS * DAY_MS);
      // Lock order as everywhere in billing: the subscription first, then the team.
      const [candidate] = await tx
        .select({ teamId: subscriptions.teamId })
        .from(subscriptions)
        .innerJoin(teams, eq(teams.id, subscriptions.teamId))
        .where(and(eq(teams.status, "terminated"), lte(teams.terminatedAt, cutoff)))
        .limit(1)
        .for("update", { of: subscriptions, skipLocked: true });
      if (!candidate) return false;
      const [team] = await tx.select().from(teams).where(eq(teams.id, candidate.teamId)).for("no key update");
      // Renewed or purged meanwhile: nothing to do.
      if (team?.status !== "terminated" || !team.terminatedAt || team.terminatedAt > cutoff) return true;
      await purgeTeam(tx, ctx, team);
      await purgeList.record({ teamId: team.id, purgedAt: ctx.clock.now() });
      return true;
    });
    if (!done) break;
    purged += 1;
  }
  return { purged };
}

/**
 * Purges a team named on the purge list, found again in a restored backup: the same purge,
 * whatever the team's status in the backup. Answers the team's name, or null when it is purged
 * already or not there.
 */
export async function purgeListedTeam(db: Database, clock: Clock, teamId: string): Promise<string | null> {
  const ctx: DomainContext = { actor: systemActor("Retention purge (purge list)"), clock, request: noRequest };
  return db.transaction(async (tx) => {
    await tx.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.teamId, teamId)).for("update");
    const [team] = await tx.select().from(teams).where(eq(teams.id, teamId)).for("no key update");
    if (!team || team.status === "purged") return null;
    await purgeTeam(tx, ctx, team);
    return team.name;
  });
}

type TeamRow = typeof teams.$inferSelect;

async function purgeTeam(tx: Transaction, ctx: DomainContext, team: TeamRow): Promise<void> {
  const teamId = team.id;
  const now = ctx.clock.now();
  // A backup older than the team's end still shows its contract running: it ends with the purge.
  await tx
    .update(subscriptions)
    .set({ status: "expired", updatedAt: now })
    .where(and(eq(subscriptions.teamId, teamId), inArray(subscriptions.status, ["trialing", "active", "past_due"])));
  await tx
    .update(subscriptions)
    .set({ paymentMethodId: null, cancelReason: null, version: sql`${subscriptions.version} + 1`, updatedAt: now })
    .where(eq(subscriptions.teamId, teamId));
  const deleted: Record<string, number> = {};
  // Transfers go with either team: those into this team are keyed by the team they left.
  const transfersIn = await tx
    .delete(accountTransfers)
    .where(eq(accountTransfers.toTeamId, teamId))
    .returning({ id: accountTransfers.id });
  for (const table of PURGED_TEAM_TABLES) {
    const rows = await tx.delete(table).where(eq(table.teamId, teamId)).returning({ teamId: table.teamId });
    deleted[getTableName(table)] = rows.length + (table === accountTransfers ? transfersIn.length : 0);
  }
  // Accounts the team managed become external: the people keep their Claris ID.
  const released = await tx
    .update(accounts)
    .set({ managedByTeamId: null, updatedAt: now })
    .where(eq(accounts.managedByTeamId, teamId))
    .returning({ id: accounts.id });
  // The chain stays, but no longer names anyone.
  const erased = await erasePersonalAuditFields(tx, { teamId, whose: "everyone", names: FORMER_MEMBER_NAMES, now });
  await tx.update(teams).set({ status: "purged", purgedAt: now }).where(eq(teams.id, teamId));
  await recordAudit(tx, {
    ...auditContext(ctx),
    teamId,
    action: "team.purged",
    target: { type: "team", id: teamId },
    before: { teamStatus: team.status, terminatedAt: team.terminatedAt },
    after: {
      teamStatus: "purged",
      deleted,
      accountsReleased: released.length,
      personalValuesErased: erased.values,
      retentionDays: RETENTION_DAYS,
    },
  });
}
