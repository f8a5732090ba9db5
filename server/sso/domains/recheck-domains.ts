import "server-only";
import { and, eq, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { teamDomains } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import { noRequest, systemActor } from "../../actor";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Clock } from "../../clock";
import type { DomainContext } from "../../domain-context";
import { dnsTxtLookup, type TxtLookup } from "./dns-txt";
import { verificationRecord } from "./verification-record";

/**
 * Claims verified domains last checked a day ago or more by stamping them checked now, so
 * servers running the job at once never check the same domain twice.
 */
async function claimDueDomains(db: Database, now: Date, limit: number) {
  const due = db
    .select({ id: teamDomains.id })
    .from(teamDomains)
    .where(
      and(
        isNotNull(teamDomains.verifiedAt),
        or(isNull(teamDomains.lastCheckedAt), lte(teamDomains.lastCheckedAt, new Date(now.getTime() - DAY_MS))),
      ),
    )
    .orderBy(sql`${teamDomains.lastCheckedAt} asc nulls first`)
    .limit(limit)
    .for("update", { skipLocked: true });
  return db.update(teamDomains).set({ lastCheckedAt: now }).where(sql`${teamDomains.id} in ${due}`).returning();
}

/**
 * The daily re-check: a verified domain whose TXT record is gone (no such name, no TXT, or no
 * matching value) becomes unverified, audited as `domain.lost`. A check DNS could not answer
 * (timeout, SERVFAIL) proves nothing, so it changes nothing; the next day's check tries again.
 */
export async function recheckDomains(
  db: Database,
  clock: Clock,
  lookup: TxtLookup = dnsTxtLookup(),
  batchSize = 20,
): Promise<{ checked: number; lost: number }> {
  const ctx: DomainContext = { actor: systemActor("Verified-domain check"), clock, request: noRequest };
  const claimed = await claimDueDomains(db, clock.now(), batchSize);
  let lost = 0;
  for (const domain of claimed) {
    const record = verificationRecord(domain.domain, domain.verificationToken);
    const answer = await lookup(record.name);
    if (answer.kind === "unreachable") continue;
    if (answer.kind === "found" && answer.values.includes(record.value)) continue;
    const unverified = await db.transaction(async (tx) => {
      // Removed, or already unverified, since the claim: nothing to lose.
      const [row] = await tx
        .update(teamDomains)
        .set({ verifiedAt: null })
        .where(and(eq(teamDomains.id, domain.id), isNotNull(teamDomains.verifiedAt)))
        .returning({ id: teamDomains.id });
      if (!row) return false;
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: domain.teamId,
        action: "domain.lost",
        target: { type: "domain", id: domain.id },
        before: { domain: domain.domain, verifiedAt: domain.verifiedAt },
        after: { record: record.name, found: answer.kind === "found" ? answer.values : [] },
      });
      return true;
    });
    if (unverified) lost += 1;
  }
  return { checked: claimed.length, lost };
}
