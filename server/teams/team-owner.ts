import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, memberships } from "@/db/schema";

/** The team's owner: the one person who changes the subscription and hears about it. */
export async function teamOwner(
  db: Queryable,
  teamId: string,
): Promise<{ accountId: string; email: string; name: string } | null> {
  const [owner] = await db
    .select({ accountId: accounts.id, email: accounts.email, name: accounts.name })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.teamId, teamId), eq(memberships.role, "owner")));
  return owner ?? null;
}
