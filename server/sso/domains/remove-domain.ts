import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamDomains } from "@/db/schema";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { DomainContext } from "../../domain-context";
import { lockTeamDomain } from "./team-domain";

/** Gives up the team's claim on a domain; a verified one becomes free for another team to verify. */
export async function removeDomain(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; domainId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const domain = await lockTeamDomain(tx, input.teamId, input.domainId);
    await tx.delete(teamDomains).where(eq(teamDomains.id, domain.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "domain.removed",
      target: { type: "domain", id: domain.id },
      before: { domain: domain.domain, verified: domain.verifiedAt !== null },
      after: null,
    });
  });
}
