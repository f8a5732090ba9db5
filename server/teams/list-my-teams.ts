import { and, asc, eq, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, teams } from "@/db/schema";

/** Every team the account is an active member of, for the team switcher. */
export function listMyTeams(db: Queryable, accountId: string) {
  return db
    .select({ id: teams.id, name: teams.name, product: teams.product, status: teams.status, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.accountId, accountId), eq(memberships.status, "active"), ne(teams.status, "purged")))
    .orderBy(asc(teams.name), asc(teams.id));
}
