import "server-only";
import type { Queryable } from "@/db/client";
import { teamDomains } from "@/db/schema";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { isUniqueViolation } from "../../db-errors";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import { normaliseDomain } from "./domain-name";
import { newVerificationToken } from "./verification-record";

/**
 * Claims a domain for the team, unverified, with a new random value for its TXT record. A
 * domain another team has verified may be added too: it is verified here only once that team
 * lets it go, which keeps a team's claim from revealing who else holds the domain.
 */
export async function addDomain(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; domain: string },
): Promise<{ id: string; domain: string }> {
  const domain = normaliseDomain(input.domain);
  try {
    return await db.transaction(async (tx) => {
      const [added] = await tx
        .insert(teamDomains)
        .values({ teamId: input.teamId, domain, verificationToken: newVerificationToken(), createdAt: ctx.clock.now() })
        .returning({ id: teamDomains.id, domain: teamDomains.domain });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "domain.added",
        target: { type: "domain", id: added!.id },
        after: { domain },
      });
      return added!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "team_domains_team_domain_unique")) {
      throw new DomainError("CONFLICT", "domainAlreadyAdded", { domain });
    }
    throw error;
  }
}
