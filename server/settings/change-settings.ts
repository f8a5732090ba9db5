import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamSettings } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

type SettingsRow = typeof teamSettings.$inferSelect;
type SettingsChange = Partial<Omit<SettingsRow, "teamId" | "updatedAt">>;

/**
 * Sets some of a team's settings under the settings row's lock, and audits as one
 * `settings.updated` the values that changed, before and after; nothing changed, nothing written.
 */
export async function changeSettings(
  db: Queryable,
  ctx: DomainContext,
  teamId: string,
  change: SettingsChange,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(teamSettings).where(eq(teamSettings.teamId, teamId)).for("update");
    if (!before) throw new DomainError("NOT_FOUND", "thisTeamHasNoSettings");
    const keys = (Object.keys(change) as Array<keyof SettingsChange>).filter(
      (key) => change[key] !== undefined && JSON.stringify(before[key]) !== JSON.stringify(change[key]),
    );
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
