import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { identityProviders, memberships, teamSettings, teams } from "@/db/schema";
import { emailDomain, verifiedDomainOwner } from "../domains/domain-owner";

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
  const owner = email.includes("@") ? await verifiedDomainOwner(db, emailDomain(email)) : null;
  if (!owner) return null;
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
    .from(teams)
    .innerJoin(teamSettings, eq(teamSettings.teamId, teams.id))
    .where(eq(teams.id, owner.teamId));
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
