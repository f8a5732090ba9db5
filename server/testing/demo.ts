import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, memberships, teams } from "@/db/schema";

/** Ids from the demo data that tests refer to by name. */
export async function demoTeamId(db: Database, name: "Acme Corp" | "Acme Connect" | "Initech"): Promise<string> {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, name));
  return team!.id;
}

export async function membershipOf(db: Database, teamId: string, email: string) {
  const [row] = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      licensed: memberships.licensed,
      status: memberships.status,
      accountId: accounts.id,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.teamId, teamId), eq(sql`lower(${accounts.email})`, email.toLowerCase())));
  return row;
}
