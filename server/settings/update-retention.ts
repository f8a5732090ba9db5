import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamSettings } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { type Refusal, refusal } from "../i18n/refusal-format";

/** How long the team keeps the personal data of people who left it: a day to ten years. */
export const DEPARTED_RETENTION_DAYS_MIN = 1;
export const DEPARTED_RETENTION_DAYS_MAX = 3650;

export function departedRetentionRefusal(days: number): Refusal | null {
  if (!Number.isInteger(days) || days < DEPARTED_RETENTION_DAYS_MIN || days > DEPARTED_RETENTION_DAYS_MAX) {
    return refusal("departedRetentionDays", { min: DEPARTED_RETENTION_DAYS_MIN, max: DEPARTED_RETENTION_DAYS_MAX });
  }
  return null;
}

/** Sets how many days after someone leaves the team their personal data in it is erased; audited with before and after. */
export async function updateRetentionSettings(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; departedUserRetentionDays: number },
): Promise<void> {
  const refused = departedRetentionRefusal(input.departedUserRetentionDays);
  if (refused) throw new DomainError("INVALID_INPUT", refused.key, refused.values);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(teamSettings).where(eq(teamSettings.teamId, input.teamId)).for("update");
    if (!before) throw new DomainError("NOT_FOUND", "thisTeamHasNoSettings");
    if (before.departedUserRetentionDays === input.departedUserRetentionDays) return;
    await tx
      .update(teamSettings)
      .set({ departedUserRetentionDays: input.departedUserRetentionDays, updatedAt: ctx.clock.now() })
      .where(eq(teamSettings.teamId, input.teamId));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "settings.updated",
      target: { type: "team", id: input.teamId },
      before: { departedUserRetentionDays: before.departedUserRetentionDays },
      after: { departedUserRetentionDays: input.departedUserRetentionDays },
    });
  });
}
