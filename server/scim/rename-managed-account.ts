import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { lockMember } from "../members/member-target";

/**
 * Takes the name the team's directory holds for an account the team manages. An external
 * account's name is its owner's own, so it is left as it is.
 */
export async function renameManagedAccount(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; membershipId: string; name: string },
): Promise<void> {
  const name = input.name.trim();
  await db.transaction(async (tx) => {
    const target = await lockMember(tx, input.teamId, input.membershipId);
    if (!target.managed || !name || target.name === name) return;
    await tx.update(accounts).set({ name, updatedAt: ctx.clock.now() }).where(eq(accounts.id, target.accountId));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "account.profile_updated",
      target: { type: "account", id: target.accountId },
      before: { name: target.name },
      after: { name },
    });
  });
}
