import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { customApps, hosts } from "@/db/schema";
import { DomainError } from "../errors";
import { publicHostColumns } from "./host-columns";
import { customAppColumns } from "./list-hosts";
import { readLiveState } from "./live-state";

/** One host of the team for its page: overview, databases (custom apps) and what the last look saw. */
export async function hostDetails(db: Queryable, teamId: string, hostId: string) {
  const [host] = await db
    .select({ ...publicHostColumns, liveState: hosts.liveState })
    .from(hosts)
    .where(and(eq(hosts.teamId, teamId), eq(hosts.id, hostId)));
  if (!host) throw new DomainError("NOT_FOUND", "thisHostDoesNotExistIn");
  const databases = await db
    .select(customAppColumns)
    .from(customApps)
    .where(eq(customApps.hostId, host.id))
    .orderBy(asc(customApps.name));
  const { liveState, ...overview } = host;
  return { ...overview, databases, liveState: readLiveState(liveState) };
}
