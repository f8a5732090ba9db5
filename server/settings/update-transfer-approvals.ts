import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamSettings } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

export interface TransferApprovals {
  transferInRequiresApproval: boolean;
  transferOutRequiresApproval: boolean;
}

/**
 * Whether the team's managers must allow people moving in and out. Requests already waiting
 * keep the approvals they were sent with.
 */
export async function updateTransferApprovals(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string } & TransferApprovals,
): Promise<void> {
  const { teamId, ...wanted } = input;
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(teamSettings).where(eq(teamSettings.teamId, teamId)).for("update");
    if (!before) throw new DomainError("NOT_FOUND", "thisTeamHasNoSettings");
    const changed = (Object.keys(wanted) as Array<keyof TransferApprovals>).filter(
      (key) => before[key] !== wanted[key],
    );
    if (changed.length === 0) return;
    await tx
      .update(teamSettings)
      .set({ ...wanted, updatedAt: ctx.clock.now() })
      .where(eq(teamSettings.teamId, teamId));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId,
      action: "settings.updated",
      target: { type: "team", id: teamId },
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, wanted[key]])),
    });
  });
}
