import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamSettings } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

export interface ManagedUserSettings {
  managedUsersMayChangeEmail: boolean;
  managedUsersMayChangeName: boolean;
}

/**
 * What the accounts the team manages may change on their own profile. Audited as a settings
 * update with the values that changed, before and after.
 */
export async function updateManagedUserSettings(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string } & ManagedUserSettings,
): Promise<void> {
  const { teamId, ...change } = input;
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(teamSettings).where(eq(teamSettings.teamId, teamId)).for("update");
    if (!before) throw new DomainError("NOT_FOUND", "thisTeamHasNoSettings");
    const keys = (Object.keys(change) as Array<keyof ManagedUserSettings>).filter((key) => before[key] !== change[key]);
    if (keys.length === 0) return;
    const changed = Object.fromEntries(keys.map((key) => [key, change[key]]));
    await tx
      .update(teamSettings)
      .set({ ...changed, updatedAt: ctx.clock.now() })
      .where(eq(teamSettings.teamId, teamId));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId,
      action: "settings.updated",
      target: { type: "team", id: teamId },
      before: Object.fromEntries(keys.map((key) => [key, before[key]])),
      after: changed,
    });
  });
}
