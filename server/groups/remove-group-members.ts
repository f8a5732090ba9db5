import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { groupMemberships } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { lockGroup } from "./lock-group";

/** Takes memberships out of a group; those not in it are ignored. */
export async function removeGroupMembers(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; groupId: string; membershipIds: string[] },
): Promise<{ removed: number }> {
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, input.teamId, input.groupId);
    const removed = await tx
      .delete(groupMemberships)
      .where(
        and(
          eq(groupMemberships.teamId, input.teamId),
          eq(groupMemberships.groupId, group.id),
          inArray(groupMemberships.membershipId, input.membershipIds),
        ),
      )
      .returning({ membershipId: groupMemberships.membershipId });
    if (removed.length > 0) {
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "group.members_removed",
        target: { type: "group", id: group.id },
        before: { group: group.name, membershipIds: removed.map((r) => r.membershipId) },
        after: { group: group.name },
      });
    }
    return { removed: removed.length };
  });
}
