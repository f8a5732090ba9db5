import { count, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { groupMemberships, groups } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { customAppsOfGroup, lockGroup } from "./lock-group";

/**
 * Deletes a group and its memberships. When the group opens custom apps, its members lose
 * that access, so the caller must confirm it knowingly.
 */
export async function deleteGroup(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; groupId: string; confirmCustomApps: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await lockGroup(tx, input.teamId, input.groupId);
    const customApps = await customAppsOfGroup(tx, input.teamId, group.id);
    if (customApps > 0 && !input.confirmCustomApps) {
      throw new DomainError("CONFLICT", "groupOpensCustomApps", { groupName: group.name, customApps });
    }
    const [members] = await tx
      .select({ n: count() })
      .from(groupMemberships)
      .where(eq(groupMemberships.groupId, group.id));
    await tx.delete(groups).where(eq(groups.id, group.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "group.deleted",
      target: { type: "group", id: group.id },
      before: { name: group.name, members: members?.n ?? 0, customApps },
      after: null,
    });
  });
}
