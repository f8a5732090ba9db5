import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { actingRole, lockMember, refuseProtectedTarget } from "./member-target";
import { claimSeats } from "./seats";

/** Gives a deactivated managed user their access back; a licensed one needs a free seat again. */
export async function reactivateMembership(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; membershipId: string },
): Promise<void> {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const target = await lockMember(tx, input.teamId, input.membershipId);
    refuseProtectedTarget(ctx, target, await actingRole(tx, ctx, input.teamId), "reactivated");
    if (!target.managed) {
      throw new DomainError("FORBIDDEN", "isAnExternalUserInviteThem", { email: target.email });
    }
    if (target.status === "active") return;
    if (target.licensed) await claimSeats(tx, input.teamId, 1, now);
    await tx.update(memberships).set({ status: "active", updatedAt: now }).where(eq(memberships.id, target.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "membership.reactivated",
      target: { type: "membership", id: target.id },
      before: { email: target.email, status: target.status },
      after: { email: target.email, status: "active" },
    });
  });
}
