import { asc, count, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { customAppGroups, groupMemberships, groups } from "@/db/schema";

/** The team's groups with how many members they have and how many custom apps they open. */
export function listGroups(db: Queryable, teamId: string) {
  const memberCounts = db
    .select({ groupId: groupMemberships.groupId, n: count().as("members") })
    .from(groupMemberships)
    .where(eq(groupMemberships.teamId, teamId))
    .groupBy(groupMemberships.groupId)
    .as("member_counts");
  const appCounts = db
    .select({ groupId: customAppGroups.groupId, n: count().as("apps") })
    .from(customAppGroups)
    .where(eq(customAppGroups.teamId, teamId))
    .groupBy(customAppGroups.groupId)
    .as("app_counts");
  return db
    .select({
      id: groups.id,
      name: groups.name,
      members: sql<number>`coalesce(${memberCounts.n}, 0)::int`,
      customApps: sql<number>`coalesce(${appCounts.n}, 0)::int`,
    })
    .from(groups)
    .leftJoin(memberCounts, eq(memberCounts.groupId, groups.id))
    .leftJoin(appCounts, eq(appCounts.groupId, groups.id))
    .where(eq(groups.teamId, teamId))
    .orderBy(asc(sql`lower(${groups.name})`));
}

/** The team's groups to choose from in a form: names only, without the counts the Groups page shows. */
export function groupChoices(db: Queryable, teamId: string) {
  return db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(eq(groups.teamId, teamId))
    .orderBy(asc(sql`lower(${groups.name})`));
}
