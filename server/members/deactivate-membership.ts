import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

/** Ends a member's access to the team; team access is checked on every request, so it ends at once. */
export async function deactivateMembership(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; membershipId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [membership] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.teamId, input.teamId), eq(memberships.id, input.membershipId)))
      .for("update");
    if (!membership) throw new DomainError("NOT_FOUND", "This user is not in the team.");
    if (membership.role === "owner") {
      throw new DomainError("FORBIDDEN", "The team's owner cannot be deactivated. Transfer ownership first.");
    }
    if (membership.status === "deactivated") return;
    await tx
      .update(memberships)
      .set({ status: "deactivated", updatedAt: ctx.clock.now() })
      .where(eq(memberships.id, membership.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "membership.deactivated",
      target: { type: "membership", id: membership.id },
      before: { status: membership.status },
      after: { status: "deactivated" },
    });
  });
}
