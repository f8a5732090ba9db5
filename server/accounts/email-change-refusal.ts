import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamSettings, teams } from "@/db/schema";

/**
 * Why this account may not change its email, or null when it may: a managed account follows
 * its managing team's setting "managed users may change their email".
 */
export async function emailChangeRefusal(
  db: Queryable,
  account: { managedByTeamId: string | null },
): Promise<string | null> {
  if (!account.managedByTeamId) return null;
  const [team] = await db
    .select({ name: teams.name, allowed: teamSettings.managedUsersMayChangeEmail })
    .from(teams)
    .leftJoin(teamSettings, eq(teamSettings.teamId, teams.id))
    .where(eq(teams.id, account.managedByTeamId));
  if (team?.allowed !== false) return null;
  return `Your account is managed by ${team.name}, which does not let its users change their email address. Ask an owner or team manager of ${team.name} to change it for you.`;
}
