import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamSettings, teams } from "@/db/schema";
import { type Refusal, refusal } from "../i18n/refusal-format";

/**
 * Why this account may not change its own name, or null when it may: a managed account
 * follows its managing team's setting "managed users may change their name".
 */
export async function nameChangeRefusal(
  db: Queryable,
  account: { managedByTeamId: string | null },
): Promise<Refusal | null> {
  if (!account.managedByTeamId) return null;
  const [team] = await db
    .select({ name: teams.name, allowed: teamSettings.managedUsersMayChangeName })
    .from(teams)
    .leftJoin(teamSettings, eq(teamSettings.teamId, teams.id))
    .where(eq(teams.id, account.managedByTeamId));
  if (team?.allowed !== false) return null;
  return refusal("managedAccountKeepsItsName", { teamName: team.name });
}
