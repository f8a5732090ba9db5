import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamDomains } from "@/db/schema";
import { DomainError } from "../../errors";

export type TeamDomain = typeof teamDomains.$inferSelect;

/** One of the team's domains, locked for the change about to be made; another team's id is not found. */
export async function lockTeamDomain(tx: Queryable, teamId: string, domainId: string): Promise<TeamDomain> {
  const [domain] = await tx
    .select()
    .from(teamDomains)
    .where(and(eq(teamDomains.teamId, teamId), eq(teamDomains.id, domainId)))
    .for("update");
  if (!domain) throw new DomainError("NOT_FOUND", "domainNotInTeam");
  return domain;
}
