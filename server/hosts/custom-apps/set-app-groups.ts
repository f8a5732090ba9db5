import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { customAppGroups, groups } from "@/db/schema";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import { lockCustomApp } from "./lock-custom-app";

/**
 * Gives a custom app to exactly these groups of the team: groups left out lose access. The app
 * row is locked first, so two saves at once end as one of them, never a mix.
 */
export async function setAppGroups(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; customAppId: string; groupIds: string[] },
): Promise<{ groupIds: string[] }> {
  const wanted = [...new Set(input.groupIds)];
  return db.transaction(async (tx) => {
    const app = await lockCustomApp(tx, input.teamId, input.customAppId);
    if (wanted.length > 0) {
      const found = await tx
        .select({ id: groups.id })
        .from(groups)
        .where(and(eq(groups.teamId, input.teamId), inArray(groups.id, wanted)));
      if (found.length !== wanted.length) throw new DomainError("NOT_FOUND", "someOfTheseGroupsDoNot");
    }
    const appRows = and(eq(customAppGroups.teamId, input.teamId), eq(customAppGroups.customAppId, app.id));
    const before = (await tx.select({ groupId: customAppGroups.groupId }).from(customAppGroups).where(appRows))
      .map((row) => row.groupId)
      .sort();
    const after = [...wanted].sort();
    if (before.join() === after.join()) return { groupIds: after };
    await tx.delete(customAppGroups).where(appRows);
    if (after.length > 0) {
      await tx
        .insert(customAppGroups)
        .values(after.map((groupId) => ({ teamId: input.teamId, customAppId: app.id, groupId })));
    }
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "custom_app.access_changed",
      target: { type: "custom_app", id: app.id },
      before: { name: app.name, groupIds: before },
      after: { name: app.name, groupIds: after },
    });
    return { groupIds: after };
  });
}
