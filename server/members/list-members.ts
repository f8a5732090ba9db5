import { and, asc, eq, gt, ilike, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, memberships } from "@/db/schema";

export const MEMBERS_PAGE_SIZE = 50;

export interface MembersCursor {
  name: string;
  id: string;
}

/** One page of the team's users by name, with an optional search on name or email. */
export async function listMembers(
  db: Queryable,
  teamId: string,
  input: { search?: string; after?: MembersCursor },
) {
  const sortName = sql<string>`lower(${accounts.name})`;
  const search = input.search?.trim();
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await db
    .select({
      id: memberships.id,
      name: accounts.name,
      email: accounts.email,
      role: memberships.role,
      licensed: memberships.licensed,
      status: memberships.status,
      managed: sql<boolean>`${accounts.managedByTeamId} is not distinct from ${memberships.teamId}`,
      twoStep: sql<boolean>`${accounts.totpEnabledAt} is not null`,
      lastSignInAt: accounts.lastSignInAt,
      sortName,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.teamId, teamId),
        pattern ? or(ilike(accounts.name, pattern), ilike(accounts.email, pattern)) : undefined,
        input.after
          ? or(gt(sortName, input.after.name), and(eq(sortName, input.after.name), gt(memberships.id, input.after.id)))
          : undefined,
      ),
    )
    .orderBy(asc(sortName), asc(memberships.id))
    .limit(MEMBERS_PAGE_SIZE + 1);
  const page = rows.slice(0, MEMBERS_PAGE_SIZE);
  const last = page.at(-1);
  return {
    members: page.map(({ sortName: _sortName, ...member }) => member),
    next: rows.length > MEMBERS_PAGE_SIZE && last ? { name: last.sortName, id: last.id } : null,
  };
}
