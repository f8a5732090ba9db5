import "server-only";
import { domainToASCII } from "node:url";
import { and, eq, isNotNull } from "drizzle-orm";
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

/** The domain part of an email address, as the person typed it. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).trim();
}

/** Whether this team holds the verified domain of the address. */
export async function isVerifiedBy(db: Queryable, teamId: string, email: string): Promise<boolean> {
  return (await verifiedDomainOwner(db, emailDomain(email)))?.teamId === teamId;
}
