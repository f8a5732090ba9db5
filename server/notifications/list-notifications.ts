import { and, desc, eq, ne, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, notifications, teams } from "@/db/schema";
import type { DomainContext } from "../domain-context";
import { ownAccountId } from "./own-account";

export const NOTIFICATIONS_PAGE_SIZE = 20;

export interface NotificationPageInput {
  teamId?: string;
  /** The last notification of the page before: the next page starts after it. */
  before?: { createdAt: Date; id: string };
}

/**
 * The person's notifications matching `where`, newest first, with the team's name. The link of
 * a team the person can no longer open (left it, or it was purged) is withheld: the
 * notification stays, but leads nowhere.
 */
export async function notificationsOf(db: Queryable, accountId: string, where: SQL | undefined, limit: number) {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      params: notifications.params,
      link: notifications.link,
      teamId: notifications.teamId,
      teamName: teams.name,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      canOpenTeam: sql<boolean>`${memberships.id} is not null`,
    })
    .from(notifications)
    .leftJoin(teams, eq(teams.id, notifications.teamId))
    .leftJoin(
      memberships,
      and(
        eq(memberships.teamId, notifications.teamId),
        eq(memberships.accountId, accountId),
        eq(memberships.status, "active"),
        ne(teams.status, "purged"),
      ),
    )
    .where(and(eq(notifications.accountId, accountId), where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map(({ canOpenTeam, link, ...row }) => ({
    ...row,
    link: row.teamId === null || canOpenTeam ? link : null,
  }));
}

/** A page of the person's notifications (keyset on time and id), optionally of one team. */
export async function listNotifications(
  db: Queryable,
  ctx: DomainContext,
  input: NotificationPageInput,
  pageSize = NOTIFICATIONS_PAGE_SIZE,
) {
  const rows = await notificationsOf(
    db,
    ownAccountId(ctx),
    and(
      input.teamId ? eq(notifications.teamId, input.teamId) : undefined,
      input.before
        ? sql`(${notifications.createdAt}, ${notifications.id}) < (${input.before.createdAt.toISOString()}::timestamptz, ${input.before.id}::uuid)`
        : undefined,
    ),
    pageSize + 1,
  );
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > pageSize && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/** The teams the person has notifications of, for the filter. */
export async function notificationTeams(db: Queryable, ctx: DomainContext) {
  const accountId = ownAccountId(ctx);
  return db
    .selectDistinct({ id: teams.id, name: teams.name })
    .from(notifications)
    .innerJoin(teams, eq(teams.id, notifications.teamId))
    .where(eq(notifications.accountId, accountId))
    .orderBy(teams.name, teams.id);
}

/** The bell's number: one count on the partial index of unread rows. */
export async function unreadNotificationCount(db: Queryable, ctx: DomainContext): Promise<number> {
  const accountId = ownAccountId(ctx);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), sql`${notifications.readAt} is null`));
  return row?.n ?? 0;
}
