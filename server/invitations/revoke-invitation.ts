import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { lockPendingInvitation } from "./lock-invitation";

/** The link stops working at once and a licensed invitation frees its seat. */
export async function revokeInvitation(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; invitationId: string },
): Promise<void> {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const invitation = await lockPendingInvitation(tx, input.teamId, input.invitationId);
    await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, invitation.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "invitation.revoked",
      target: { type: "invitation", id: invitation.id },
      before: { email: invitation.email, revokedAt: null },
      after: { email: invitation.email, revokedAt: now },
    });
  });
}
