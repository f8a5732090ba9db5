import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { customApps, hosts } from "@/db/schema";
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

/** The team's hosts, each with its custom apps. */
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
  return teamHosts.map((host) => ({ ...host, customApps: apps.filter((app) => app.hostId === host.id) }));
}
