import { and, eq, exists, ilike, inArray, ne, sql } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { accounts, memberships, supportGrants, teams } from "@/db/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Teams by name, Team ID or owner email, showing staff no more than they need to choose:
 * name, product, status and whether support access is granted now.
 *
 * Each way of matching is its own branch of a union, so each uses its index (the trigram
 * indexes on lower(name) and lower(email), the primary key); an OR across the joined tables
 * would scan every team and its owner instead.
 */
export async function searchTeams(db: Queryable, query: string, now: Date) {
  const text = query.trim();
  if (!text) return [];
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byName = db
    .select({ id: teams.id })
    .from(teams)
    .where(ilike(sql`lower(${teams.name})`, pattern));
  const byOwnerEmail = db
    .select({ id: memberships.teamId })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.role, "owner"), ilike(sql`lower(${accounts.email})`, pattern)));
  const byId = db.select({ id: teams.id }).from(teams).where(eq(teams.id, text.toLowerCase()));
  const matching = UUID.test(text) ? union(byName, byOwnerEmail, byId) : union(byName, byOwnerEmail);
  // Spelled out: drizzle leaves a column of a query's only table unqualified, which inside
  // these subqueries would name the subquery's own table.
  const teamId = sql.raw(`"teams"."id"`);
  const owned = db
    .select({ one: sql`1` })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.role, "owner")));
  const granted = sql<boolean>`exists (select 1 from ${supportGrants} where ${supportGrants.teamId} = ${teamId} and ${supportGrants.revokedAt} is null and ${supportGrants.endsAt} > ${now.toISOString()}::timestamptz)`;
  return db
    .select({
      id: teams.id,
      name: teams.name,
      product: teams.product,
      status: teams.status,
      accessGranted: granted,
    })
    .from(teams)
    .where(and(ne(teams.status, "purged"), inArray(teams.id, matching), exists(owned)))
    .orderBy(teams.name, teams.id)
    .limit(25);
}
