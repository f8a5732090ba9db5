import "server-only";
import { and, eq, isNotNull, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamDomains } from "@/db/schema";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { isUniqueViolation } from "../../db-errors";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import { dnsTxtLookup, type TxtLookup } from "./dns-txt";
import { lockTeamDomain } from "./team-domain";
import { verificationRecord } from "./verification-record";

async function heldByAnotherTeam(db: Queryable, teamId: string, domain: string): Promise<boolean> {
  const [holder] = await db
    .select({ id: teamDomains.id })
    .from(teamDomains)
    .where(and(eq(teamDomains.domain, domain), isNotNull(teamDomains.verifiedAt), ne(teamDomains.teamId, teamId)));
  return Boolean(holder);
}

/**
 * Verifies a domain when its TXT record holds the value the console gave. DNS is asked before
 * the transaction, so no lock waits on the network. Only one team holds a verified domain: a
 * unique index decides between two teams verifying at once, and the later one is refused.
 */
export async function verifyDomain(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; domainId: string },
  lookup: TxtLookup = dnsTxtLookup(),
): Promise<{ verifiedAt: Date }> {
  const [claim] = await db
    .select()
    .from(teamDomains)
    .where(and(eq(teamDomains.teamId, input.teamId), eq(teamDomains.id, input.domainId)));
  if (!claim) throw new DomainError("NOT_FOUND", "domainNotInTeam");
  if (claim.verifiedAt) return { verifiedAt: claim.verifiedAt };
  const heldRefusal = new DomainError("CONFLICT", "domainHeldByAnotherTeam", { domain: claim.domain });
  if (await heldByAnotherTeam(db, input.teamId, claim.domain)) throw heldRefusal;

  const record = verificationRecord(claim.domain, claim.verificationToken);
  const answer = await lookup(record.name);
  if (answer.kind === "unreachable") {
    throw new DomainError("UNREACHABLE", "domainDnsUnreachable", { name: record.name, reason: answer.reason });
  }
  if (answer.kind === "absent") {
    throw new DomainError("NOT_PROVEN", "domainRecordMissing", { name: record.name, value: record.value });
  }
  if (!answer.values.includes(record.value)) {
    throw new DomainError("NOT_PROVEN", "domainRecordMismatch", {
      name: record.name,
      value: record.value,
      found: answer.values.map((value) => `"${value}"`),
    });
  }

  try {
    return await db.transaction(async (tx) => {
      const domain = await lockTeamDomain(tx, input.teamId, input.domainId);
      if (domain.verifiedAt) return { verifiedAt: domain.verifiedAt };
      const now = ctx.clock.now();
      await tx.update(teamDomains).set({ verifiedAt: now, lastCheckedAt: now }).where(eq(teamDomains.id, domain.id));
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "domain.verified",
        target: { type: "domain", id: domain.id },
        after: { domain: domain.domain, record: record.name },
      });
      return { verifiedAt: now };
    });
  } catch (error) {
    if (isUniqueViolation(error, "team_domains_verified_domain_unique")) throw heldRefusal;
    throw error;
  }
}
