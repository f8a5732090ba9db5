import { and, eq, ilike, ne, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, memberships, supportGrants, teams } from "@/db/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Teams by name, Team ID or owner email, showing staff no more than they need to choose:
 * name, product, status and whether support access is granted now.
 */
export async function searchTeams(db: Queryable, query: string, now: Date) {
  const text = query.trim();
  if (!text) return [];
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const granted = sql<boolean>`exists (select 1 from ${supportGrants} where ${supportGrants.teamId} = ${teams.id} and ${supportGrants.revokedAt} is null and ${supportGrants.endsAt} > ${now.toISOString()}::timestamptz)`;
  return db
    .selectDistinct({
      id: teams.id,
      name: teams.name,
      product: teams.product,
      status: teams.status,
      accessGranted: granted,
    })
    .from(teams)
    .innerJoin(memberships, and(eq(memberships.teamId, teams.id), eq(memberships.role, "owner")))
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        ne(teams.status, "purged"),
        or(
          ilike(teams.name, pattern),
          ilike(accounts.email, pattern),
          UUID.test(text) ? eq(teams.id, text.toLowerCase()) : undefined,
        ),
      ),
    )
    .orderBy(teams.name)
    .limit(25);
}
