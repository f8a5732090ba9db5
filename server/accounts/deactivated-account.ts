import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, memberships, teams } from "@/db/schema";
import { DomainError } from "../errors";

/**
 * A managed account whose managing team deactivated it cannot sign in anywhere until a
 * manager of that team reactivates it: the team owns the account, not only its membership.
 */
export async function refuseDeactivatedManagedAccount(db: Queryable, accountId: string): Promise<void> {
  const [deactivatedBy] = await db
    .select({ teamName: teams.name })
    .from(accounts)
    .innerJoin(teams, eq(teams.id, accounts.managedByTeamId))
    .innerJoin(
      memberships,
      and(eq(memberships.teamId, accounts.managedByTeamId), eq(memberships.accountId, accounts.id)),
    )
    .where(and(eq(accounts.id, accountId), eq(memberships.status, "deactivated")));
  if (deactivatedBy) {
    throw new DomainError("FORBIDDEN", "yourAccountWasDeactivatedByWhich", { teamName: deactivatedBy.teamName });
  }
}
