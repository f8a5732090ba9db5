import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { customApps, hosts } from "@/db/schema";
import { DomainError } from "../errors";
import { publicHostColumns } from "./host-columns";
import { customAppColumns } from "./list-hosts";
import { readLiveState } from "./live-state";

/**
 * One host of the team for its page: overview, databases (custom apps) and what the last look saw.
 * A connected server's Admin API address is shown only to those who may connect servers (it is
 * not a secret, but it says where the team's server can be reached).
 */
export async function hostDetails(
  db: Queryable,
  teamId: string,
  hostId: string,
  options: { showsAdminApiUrl: boolean } = { showsAdminApiUrl: false },
) {
  const [host] = await db
    .select({ ...publicHostColumns, liveState: hosts.liveState, adminApiUrl: hosts.adminApiUrl })
    .from(hosts)
    .where(and(eq(hosts.teamId, teamId), eq(hosts.id, hostId)));
  if (!host) throw new DomainError("NOT_FOUND", "thisHostDoesNotExistIn");
  const databases = await db
    .select(customAppColumns)
    .from(customApps)
    .where(eq(customApps.hostId, host.id))
    .orderBy(asc(customApps.name));
  const { liveState, adminApiUrl, ...overview } = host;
  return {
    ...overview,
    adminApiUrl: options.showsAdminApiUrl && host.kind === "self_hosted" ? adminApiUrl : null,
    databases,
    liveState: readLiveState(liveState),
  };
}
