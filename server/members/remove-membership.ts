import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { actingRole, isActorAccount, lockMember, refuseProtectedTarget } from "./member-target";

/** Takes an external user out of the team (and its groups); their Claris ID stays theirs. */
export async function removeMembership(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; membershipId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const target = await lockMember(tx, input.teamId, input.membershipId);
    refuseProtectedTarget(ctx, target, await actingRole(tx, ctx, input.teamId), "removed");
    if (isActorAccount(ctx, target)) throw new DomainError("FORBIDDEN", "youCannotRemoveYourselfAskAnother");
    if (target.managed) {
      throw new DomainError("FORBIDDEN", "theTeamManagesDeactivateTheAccount", { email: target.email });
    }
    await tx.delete(memberships).where(eq(memberships.id, target.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "membership.removed",
      target: { type: "membership", id: target.id },
      before: {
        email: target.email,
        accountId: target.accountId,
        role: target.role,
        licensed: target.licensed,
        status: target.status,
      },
      after: null,
    });
  });
}
