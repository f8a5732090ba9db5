import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamSettings, teams } from "@/db/schema";
import { type Refusal, refusal } from "../i18n/refusal-format";
import { signsInOnlyThroughProvider } from "./provider-only-account";

/**
 * Why this account may not change its email, or null when it may: an identity provider's account
 * has the provider's address; a managed account follows its managing team's setting "managed
 * users may change their email".
 */
export async function emailChangeRefusal(
  db: Queryable,
  account: { id: string; managedByTeamId: string | null },
): Promise<Refusal | null> {
  // Its address is what the identity provider says; a new one would change at the next sign-in anyway.
  if (await signsInOnlyThroughProvider(db, account.id)) return refusal("emailComesFromIdentityProvider");
  if (!account.managedByTeamId) return null;
  const [team] = await db
    .select({ name: teams.name, allowed: teamSettings.managedUsersMayChangeEmail })
    .from(teams)
    .leftJoin(teamSettings, eq(teamSettings.teamId, teams.id))
    .where(eq(teams.id, account.managedByTeamId));
  if (team?.allowed !== false) return null;
  return refusal("managedAccountKeepsItsEmail", { teamName: team.name });
}
