import { and, eq, inArray } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import { groupMemberships, groups, memberships } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

/** Adds memberships of the team to one of its groups; those already in it are left as they are. */
export async function addGroupMembers(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; groupId: string; membershipIds: string[] },
): Promise<{ added: number }> {
  return db.transaction(async (tx) => {
    const [group] = await tx
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(and(eq(groups.teamId, input.teamId), eq(groups.id, input.groupId)));
    if (!group) throw new DomainError("NOT_FOUND", "thisGroupDoesNotExistIn");
    const found = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.teamId, input.teamId), inArray(memberships.id, input.membershipIds)));
    if (found.length !== new Set(input.membershipIds).size) {
      throw new DomainError("NOT_FOUND", "someOfTheseUsersAreNot");
    }
    const added = await joinGroup(
      tx,
      ctx,
      { teamId: input.teamId, group },
      found.map((m) => m.id),
    );
    return { added: added.length };
  });
}

/**
 * Puts team memberships, already checked to be the team's, in a group, and audits those who
 * were not in it yet; `about` says more in the audit event (the app a share was for).
 */
export async function joinGroup(
  tx: Transaction,
  ctx: DomainContext,
  { teamId, group }: { teamId: string; group: { id: string; name: string } },
  membershipIds: string[],
  about: Record<string, unknown> = {},
): Promise<string[]> {
  const added = await tx
    .insert(groupMemberships)
    .values(
      membershipIds.map((membershipId) => ({ teamId, groupId: group.id, membershipId, createdAt: ctx.clock.now() })),
    )
    .onConflictDoNothing()
    .returning({ membershipId: groupMemberships.membershipId });
  if (added.length > 0) {
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId,
      action: "group.members_added",
      target: { type: "group", id: group.id },
      after: { group: group.name, membershipIds: added.map((a) => a.membershipId), ...about },
    });
  }
  return added.map((a) => a.membershipId);
}
