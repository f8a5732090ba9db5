import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { requireProduct } from "../teams/require-product";
import { actingRole, lockMember, refuseProtectedTarget } from "./member-target";
import { claimSeats } from "./seats";

/** Gives a user a FileMaker Cloud licence (one seat) or takes it back. */
export async function setLicence(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; membershipId: string; licensed: boolean },
): Promise<void> {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    await requireProduct(tx, input.teamId, "filemaker_cloud", "per-user licences");
    const target = await lockMember(tx, input.teamId, input.membershipId);
    refuseProtectedTarget(ctx, target, await actingRole(tx, ctx, input.teamId), "relicensed", {
      ownerMayChange: "licence",
    });
    if (target.licensed === input.licensed) return;
    // A deactivated user holds no seat; the seat is claimed on reactivation.
    if (input.licensed && target.status !== "deactivated") await claimSeats(tx, input.teamId, 1, now);
    await tx.update(memberships).set({ licensed: input.licensed, updatedAt: now }).where(eq(memberships.id, target.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: input.licensed ? "membership.licence_added" : "membership.licence_removed",
      target: { type: "membership", id: target.id },
      before: { email: target.email, licensed: target.licensed },
      after: { email: target.email, licensed: input.licensed },
    });
  });
}
