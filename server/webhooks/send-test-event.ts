import type { Queryable } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import type { DispatchedEvent } from "../events/event-rule";
import { testEventPayload } from "./event-payload";
import { TEST_EVENT_TYPE } from "./event-types";
import { lockEndpoint } from "./lock-endpoint";

const ACTOR_TYPES: Record<DomainContext["actor"]["kind"], DispatchedEvent["actorType"]> = {
  account: "account",
  support: "staff",
  system: "system",
  apiKey: "api_token",
  scim: "scim_token",
  anonymous: "system",
};

/**
 * Queues a webhook.test event for this one endpoint, sent by the next run of the sender. It is
 * tried once: a manager testing wants to see the receiver's answer, not a retry hours later.
 */
export async function sendWebhookTestEvent(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; webhookEndpointId: string },
): Promise<{ deliveryId: string }> {
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, input.teamId, input.webhookEndpointId);
    if (!endpoint.enabled) throw new DomainError("CONFLICT", "webhookEndpointDisabledCannotSend");
    const event = await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "webhook.test_sent",
      target: { type: "webhook_endpoint", id: endpoint.id },
    });
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({
        teamId: input.teamId,
        endpointId: endpoint.id,
        eventId: event.id,
        eventType: TEST_EVENT_TYPE,
        payload: testEventPayload({
          teamId: input.teamId,
          eventId: event.id,
          endpointId: endpoint.id,
          actorType: ACTOR_TYPES[ctx.actor.kind],
          at: now,
        }),
        nextAttemptAt: now,
        retryUntil: now,
        createdAt: now,
      })
      .returning({ id: webhookDeliveries.id });
    return { deliveryId: delivery!.id };
  });
}
