import type { DispatchedEvent } from "../events/event-rule";
import { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./event-types";

/** What a receiver gets: the Standard Webhooks body `{type, timestamp, data}`. */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: {
    teamId: string;
    eventId: string;
    action: string;
    actor: { type: DispatchedEvent["actorType"] };
    target: { type: string; id: string } | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  };
}

/**
 * The body for a team event of a public type. Before/after keep only the fields the type lists
 * (see event-types.ts); the actor is named by its kind, never by its address.
 */
export function eventPayload(event: DispatchedEvent & { teamId: string }, type: WebhookEventType): string {
  const fields = WEBHOOK_EVENT_TYPES[type].fields as readonly string[];
  const payload: WebhookPayload = {
    type,
    timestamp: event.occurredAt.toISOString(),
    data: {
      teamId: event.teamId,
      eventId: event.id,
      action: event.action,
      actor: { type: event.actorType },
      target: event.targetType && event.targetId ? { type: event.targetType, id: event.targetId } : null,
      before: picked(event.before, fields),
      after: picked(event.after, fields),
    },
  };
  return JSON.stringify(payload);
}

/** The body of a test event: says which endpoint it was sent to, and nothing else. */
export function testEventPayload(input: {
  teamId: string;
  eventId: string;
  endpointId: string;
  actorType: DispatchedEvent["actorType"];
  at: Date;
}): string {
  const payload: WebhookPayload = {
    type: TEST_EVENT_TYPE,
    timestamp: input.at.toISOString(),
    data: {
      teamId: input.teamId,
      eventId: input.eventId,
      action: "webhook.test_sent",
      actor: { type: input.actorType },
      target: { type: "webhook_endpoint", id: input.endpointId },
      before: null,
      after: null,
    },
  };
  return JSON.stringify(payload);
}

function picked(value: unknown, fields: readonly string[]): Record<string, unknown> | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const kept = Object.entries(value).filter(([key]) => fields.includes(key));
  return kept.length ? Object.fromEntries(kept) : null;
}
