import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { lockEndpoint } from "./lock-endpoint";
import { SECRET_OVERLAP_MS } from "./webhook-rules";
import { newWebhookSecret } from "./webhook-secret";

/**
 * Gives an endpoint a new secret, shown this once. The current one keeps signing beside it for
 * a day (both signatures go in webhook-signature), so the receiver can switch without a gap; a
 * secret an earlier rotation kept is dropped at once.
 */
export async function rotateWebhookSecret(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; webhookEndpointId: string },
): Promise<{ secret: string; previousSecretExpiresAt: Date }> {
  const now = ctx.clock.now();
  const previousSecretExpiresAt = new Date(now.getTime() + SECRET_OVERLAP_MS);
  const { secret, encrypted } = newWebhookSecret();
  return db.transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, input.teamId, input.webhookEndpointId);
    await tx
      .update(webhookEndpoints)
      .set({
        secretEncrypted: encrypted,
        previousSecretEncrypted: endpoint.secretEncrypted,
        previousSecretExpiresAt,
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "webhook.secret_rotated",
      target: { type: "webhook_endpoint", id: endpoint.id },
      after: { previousSecretSignsUntil: previousSecretExpiresAt },
    });
    return { secret, previousSecretExpiresAt };
  });
}
