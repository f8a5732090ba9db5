import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { actingRole, lockMember, refuseProtectedTarget } from "./member-target";

/** Makes a user a team manager or a member. Ownership moves only by transfer. */
export async function changeRole(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; membershipId: string; role: "manager" | "member" },
): Promise<void> {
  await db.transaction(async (tx) => {
    const target = await lockMember(tx, input.teamId, input.membershipId);
    refuseProtectedTarget(ctx, target, await actingRole(tx, ctx, input.teamId), "demoted");
    if (target.role === input.role) return;
    await tx
      .update(memberships)
      .set({ role: input.role, updatedAt: ctx.clock.now() })
      .where(eq(memberships.id, target.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "membership.role_changed",
      target: { type: "membership", id: target.id },
      before: { email: target.email, role: target.role },
      after: { email: target.email, role: input.role },
    });
  });
}
