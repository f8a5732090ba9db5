import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { customAppGroups, customApps, groups, hosts } from "@/db/schema";
import { publicHostColumns } from "./host-columns";

export const customAppColumns = {
  id: customApps.id,
  hostId: customApps.hostId,
  name: customApps.name,
  status: customApps.status,
  sizeBytes: customApps.sizeBytes,
  clients: customApps.clients,
  encrypted: customApps.encrypted,
  databaseId: customApps.databaseId,
};

/** The team's hosts, each with its custom apps and the groups that may use each app. */
export async function listHosts(db: Queryable, teamId: string) {
  const teamHosts = await db
    .select(publicHostColumns)
    .from(hosts)
    .where(eq(hosts.teamId, teamId))
    .orderBy(asc(hosts.name));
  const apps = await db
    .select(customAppColumns)
    .from(customApps)
    .where(eq(customApps.teamId, teamId))
    .orderBy(asc(customApps.name));
  const access = await db
    .select({ customAppId: customAppGroups.customAppId, id: groups.id, name: groups.name })
    .from(customAppGroups)
    .innerJoin(groups, eq(groups.id, customAppGroups.groupId))
    .where(eq(customAppGroups.teamId, teamId))
    .orderBy(asc(groups.name));
  const groupsOf = (appId: string) =>
    access.filter((row) => row.customAppId === appId).map(({ id, name }) => ({ id, name }));
  return teamHosts.map((host) => ({
    ...host,
    customApps: apps.filter((app) => app.hostId === host.id).map((app) => ({ ...app, groups: groupsOf(app.id) })),
  }));
}
