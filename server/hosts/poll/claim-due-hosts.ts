import "server-only";
import { and, asc, eq, lte, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { hosts, teams } from "@/db/schema";

/** How often a host is looked at. */
export const POLL_INTERVAL_MS = 60_000;

/**
 * Claims hosts whose look is due by moving their next look a minute on in the same statement,
 * skipping rows another server holds, so servers running the poll at once never look at a host
 * twice in a minute. Terminated hosts and hosts of purged teams are left alone.
 */
export async function claimDueHosts(db: Database, now: Date, limit: number) {
  const due = db
    .select({ id: hosts.id })
    .from(hosts)
    .innerJoin(teams, eq(teams.id, hosts.teamId))
    .where(and(lte(hosts.nextPollAt, now), ne(hosts.status, "terminated"), ne(teams.status, "purged")))
    .orderBy(asc(hosts.nextPollAt))
    .limit(limit)
    .for("update", { of: hosts, skipLocked: true });
  return db
    .update(hosts)
    .set({ nextPollAt: new Date(now.getTime() + POLL_INTERVAL_MS) })
    .where(sql`${hosts.id} in ${due}`)
    .returning();
}
