import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { identityProviders, memberships, teamDomains, teamSettings, teams } from "@/db/schema";

export interface DomainRoute {
  teamId: string;
  teamName: string;
  ssoRequired: boolean;
  /** The owner and the accounts named in the setting keep password sign-in while SSO is required. */
  breakGlassAccountIds: string[];
  providers: Array<{ id: string; name: string }>;
}

/** Where an address signs in: the team that verified its domain, and that team's enabled providers. */
export async function routeByDomain(db: Queryable, email: string): Promise<DomainRoute | null> {
  const domain = email.trim().toLowerCase().split("@")[1];
  if (!domain) return null;
  const [team] = await db
    .select({
      teamId: teams.id,
      teamName: teams.name,
      ssoRequired: teamSettings.ssoRequired,
      breakGlass: teamSettings.ssoBreakGlassAccountIds,
      ownerAccountId: sql<
        string | null
      >`(select ${memberships.accountId} from ${memberships} where ${memberships.teamId} = ${teams.id} and ${memberships.role} = 'owner')`,
    })
    .from(teamDomains)
    .innerJoin(teams, eq(teams.id, teamDomains.teamId))
    .innerJoin(teamSettings, eq(teamSettings.teamId, teams.id))
    .where(and(eq(teamDomains.domain, domain), isNotNull(teamDomains.verifiedAt)));
  if (!team) return null;
  const providers = await db
    .select({ id: identityProviders.id, name: identityProviders.name })
    .from(identityProviders)
    .where(and(eq(identityProviders.teamId, team.teamId), eq(identityProviders.enabled, true)))
    .orderBy(asc(sql`lower(${identityProviders.name})`));
  return {
    teamId: team.teamId,
    teamName: team.teamName,
    ssoRequired: team.ssoRequired && providers.length > 0,
    breakGlassAccountIds: [...team.breakGlass, ...(team.ownerAccountId ? [team.ownerAccountId] : [])],
    providers,
  };
}
