import "server-only";
import { domainToASCII } from "node:url";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamDomains } from "@/db/schema";

/** The team that holds a verified domain (an email's domain as typed: any case, Unicode or punycode), if one does. */
export async function verifiedDomainOwner(db: Queryable, domain: string): Promise<{ teamId: string } | null> {
  const stored = domainToASCII(domain.trim()).toLowerCase().replace(/\.$/, "");
  if (!stored) return null;
  const [owner] = await db
    .select({ teamId: teamDomains.teamId })
    .from(teamDomains)
    .where(and(eq(teamDomains.domain, stored), isNotNull(teamDomains.verifiedAt)));
  return owner ?? null;
}

/** The domains the team has verified, alphabetically. */
export async function teamVerifiedDomains(db: Queryable, teamId: string): Promise<string[]> {
  const rows = await db
    .select({ domain: teamDomains.domain })
    .from(teamDomains)
    .where(and(eq(teamDomains.teamId, teamId), isNotNull(teamDomains.verifiedAt)))
    .orderBy(asc(teamDomains.domain));
  return rows.map((row) => row.domain);
}
