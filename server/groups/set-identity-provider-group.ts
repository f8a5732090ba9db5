import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { groups } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { requireProduct } from "../teams/require-product";
import { lockGroup } from "./lock-group";

/**
 * Names the identity provider group whose members belong in this group: at each sign-in through
 * the team's providers, people join or leave it as their provider groups say. Empty unmaps it.
 */
export async function setIdentityProviderGroup(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; groupId: string; identityProviderGroup: string },
): Promise<void> {
  const mapped = input.identityProviderGroup.trim() || null;
  await db.transaction(async (tx) => {
    await requireProduct(tx, input.teamId, "filemaker_cloud", "groups");
    const group = await lockGroup(tx, input.teamId, input.groupId);
    const [before] = await tx
      .select({ identityProviderGroup: groups.identityProviderGroup })
      .from(groups)
      .where(eq(groups.id, group.id));
    if (before?.identityProviderGroup === mapped) return;
    await tx.update(groups).set({ identityProviderGroup: mapped }).where(eq(groups.id, group.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "group.identity_provider_group_set",
      target: { type: "group", id: group.id },
      before: { identityProviderGroup: before?.identityProviderGroup ?? null },
      after: { identityProviderGroup: mapped },
    });
  });
}
