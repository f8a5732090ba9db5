import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { lockEndpoint } from "./lock-endpoint";

/**
 * One more attempt of a delivery, at the sender's next run, with the same webhook-id and body,
 * so a receiver that already has it can tell. It is tried once; its attempts keep counting.
 */
export async function resendWebhookDelivery(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; webhookEndpointId: string; webhookDeliveryId: string },
): Promise<void> {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    // The endpoint first, then the delivery: the order the sender locks them in.
    const endpoint = await lockEndpoint(tx, input.teamId, input.webhookEndpointId);
    const [delivery] = await tx
      .select({ id: webhookDeliveries.id, eventType: webhookDeliveries.eventType })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.teamId, input.teamId),
          eq(webhookDeliveries.endpointId, endpoint.id),
          eq(webhookDeliveries.id, input.webhookDeliveryId),
        ),
      )
      .for("update");
    if (!delivery) throw new DomainError("NOT_FOUND", "webhookDeliveryNotFound");
    if (!endpoint.enabled) throw new DomainError("CONFLICT", "webhookEndpointDisabledCannotSend");
    await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: now, retryUntil: now, lockedUntil: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "webhook.delivery_resent",
      target: { type: "webhook_delivery", id: delivery.id },
      after: { endpointId: endpoint.id, eventType: delivery.eventType },
    });
  });
}
