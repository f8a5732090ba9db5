import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";

/** The accounts of a team's active owner and managers: the people who act on its notifications. */
export async function teamManagerAccountIds(db: Queryable, teamId: string): Promise<string[]> {
  const rows = await db
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(
      and(
        eq(memberships.teamId, teamId),
        eq(memberships.status, "active"),
        inArray(memberships.role, ["owner", "manager"]),
      ),
    );
  return rows.map((row) => row.accountId);
}
