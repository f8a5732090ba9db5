import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { endAccountSessions } from "../auth/sessions";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { actingRole, isActorAccount, lockMember, refuseProtectedTarget } from "./member-target";

/**
 * Ends a managed user's access: the membership is deactivated (freeing its seat) and every
 * session of the account ends at once, since the team owns the account.
 */
export async function deactivateMembership(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; membershipId: string },
): Promise<void> {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const target = await lockMember(tx, input.teamId, input.membershipId);
    refuseProtectedTarget(ctx, target, await actingRole(tx, ctx, input.teamId), "deactivated");
    if (isActorAccount(ctx, target)) throw new DomainError("FORBIDDEN", "youCannotDeactivateYourselfAskAnother");
    if (!target.managed) {
      throw new DomainError("FORBIDDEN", "isAnExternalUserTheTeam", { email: target.email });
    }
    if (target.status === "deactivated") return;
    await tx.update(memberships).set({ status: "deactivated", updatedAt: now }).where(eq(memberships.id, target.id));
    const sessionsEnded = await endAccountSessions(tx, target.accountId, now);
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "membership.deactivated",
      target: { type: "membership", id: target.id },
      before: { email: target.email, status: target.status },
      after: { email: target.email, status: "deactivated", sessionsEnded },
    });
  });
}
