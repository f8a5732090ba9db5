import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamDomains } from "@/db/schema";
import { verificationRecord } from "./verification-record";

export interface ListedDomain {
  id: string;
  domain: string;
  verifiedAt: Date | null;
  lastCheckedAt: Date | null;
  /** The TXT record to publish (and keep) for the domain to be, and stay, verified. */
  record: { name: string; value: string };
}

/** The team's domains in alphabetical order, each with the TXT record that proves it. */
export async function listDomains(db: Queryable, teamId: string): Promise<ListedDomain[]> {
  const rows = await db
    .select()
    .from(teamDomains)
    .where(eq(teamDomains.teamId, teamId))
    .orderBy(asc(teamDomains.domain));
  return rows.map((row) => ({
    id: row.id,
    domain: row.domain,
    verifiedAt: row.verifiedAt,
    lastCheckedAt: row.lastCheckedAt,
    record: verificationRecord(row.domain, row.verificationToken),
  }));
}
