import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { identityProviders } from "@/db/schema";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { DomainContext } from "../../domain-context";
import { lockIdentityProvider } from "./lock-identity-provider";

/** A disabled provider signs nobody in; its settings and identities stay for when it is enabled again. */
export async function setIdentityProviderEnabled(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; identityProviderId: string; enabled: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    const provider = await lockIdentityProvider(tx, input.teamId, input.identityProviderId);
    if (provider.enabled === input.enabled) return;
    await tx
      .update(identityProviders)
      .set({ enabled: input.enabled, updatedAt: ctx.clock.now() })
      .where(and(eq(identityProviders.teamId, input.teamId), eq(identityProviders.id, provider.id)));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: input.enabled ? "identity_provider.enabled" : "identity_provider.disabled",
      target: { type: "identity_provider", id: provider.id },
    });
  });
}
