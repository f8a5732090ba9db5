import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { customAppGroups, customApps, groupMemberships, hosts, subscriptions } from "@/db/schema";
import { flowsSuspendedSince as connectFlowsSuspendedSince } from "../connect-usage/usage-limits";
import { seatsInUse } from "../members/seats";
import type { TeamAccess } from "./team-access";

/** What Home shows: the team, when its trial ends, its seat usage, its hosts and the custom apps the viewer may use. */
export async function teamHome(db: Queryable, access: TeamAccess, now: Date) {
  const { team } = access;
  const fileMaker = team.product === "filemaker_cloud";
  const [subscription] = await db
    .select({ seats: subscriptions.seats, status: subscriptions.status, trialEndsAt: subscriptions.trialEndsAt })
    .from(subscriptions)
    .where(eq(subscriptions.teamId, team.id));
  const seats = fileMaker ? { used: await seatsInUse(db, team.id, now), total: subscription?.seats ?? 0 } : null;
  const trialEndsAt = subscription?.status === "trialing" ? subscription.trialEndsAt : null;
  if (!fileMaker) {
    // Everyone building flows needs to know they are stopped, not only those who see the usage.
    const flowsSuspendedSince = await connectFlowsSuspendedSince(db, team.id, now);
    return { team, trialEndsAt, seats, hosts: [], customApps: [], flowsSuspendedSince };
  }

  const appColumns = {
    id: customApps.id,
    name: customApps.name,
    status: customApps.status,
    hostId: customApps.hostId,
    hostName: hosts.name,
    hostname: hosts.hostname,
    hostStatus: hosts.status,
  };
  // A support session has no membership of its own: it sees every custom app of the team.
  const apps = access.membership
    ? await db
        .selectDistinct(appColumns)
        .from(customApps)
        .innerJoin(hosts, eq(hosts.id, customApps.hostId))
        .innerJoin(customAppGroups, eq(customAppGroups.customAppId, customApps.id))
        .innerJoin(groupMemberships, eq(groupMemberships.groupId, customAppGroups.groupId))
        .where(and(eq(customApps.teamId, team.id), eq(groupMemberships.membershipId, access.membership.id)))
        .orderBy(asc(customApps.name))
    : await db
        .select(appColumns)
        .from(customApps)
        .innerJoin(hosts, eq(hosts.id, customApps.hostId))
        .where(eq(customApps.teamId, team.id))
        .orderBy(asc(customApps.name));

  const seesAllHosts = access.permissions.includes("hosts.read");
  const hostIds = [...new Set(apps.map((app) => app.hostId))];
  const teamHosts =
    seesAllHosts || hostIds.length > 0
      ? await db
          .select({
            id: hosts.id,
            name: hosts.name,
            hostname: hosts.hostname,
            region: hosts.region,
            status: hosts.status,
            filemakerVersion: hosts.filemakerVersion,
          })
          .from(hosts)
          .where(seesAllHosts ? eq(hosts.teamId, team.id) : and(eq(hosts.teamId, team.id), inArray(hosts.id, hostIds)))
          .orderBy(asc(hosts.name))
      : [];
  return { team, trialEndsAt, seats, hosts: teamHosts, customApps: apps, flowsSuspendedSince: null };
}
