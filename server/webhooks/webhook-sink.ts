import { and, eq, sql } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { EventSink } from "../events/event-rule";
import { eventPayload } from "./event-payload";
import { ALL_EVENT_TYPES, eventTypeOfAction } from "./event-types";
import { RETRY_WINDOW_MS } from "./webhook-rules";

/**
 * Turns a team event of a public type into one pending delivery per enabled endpoint of that
 * team subscribed to the type. The unique (endpoint, event) index makes a repeated fan-out of
 * the same event write nothing more; the sender job does the sending.
 */
export const webhookSink: EventSink = {
  name: "webhooks",
  async fanOut(tx, event, now) {
    const teamId = event.teamId;
    const type = eventTypeOfAction(event.action);
    if (!teamId || !type) return;
    const endpoints = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.teamId, teamId),
          eq(webhookEndpoints.enabled, true),
          sql`(${type} = any(${webhookEndpoints.eventTypes}) or ${ALL_EVENT_TYPES} = any(${webhookEndpoints.eventTypes}))`,
        ),
      );
    if (endpoints.length === 0) return;
    const payload = eventPayload({ ...event, teamId }, type);
    await tx
      .insert(webhookDeliveries)
      .values(
        endpoints.map((endpoint) => ({
          teamId,
          endpointId: endpoint.id,
          eventId: event.id,
          eventType: type,
          payload,
          nextAttemptAt: now,
          retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS),
          createdAt: now,
        })),
      )
      .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId] });
  },
};
