import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teams } from "./teams";

/**
 * A team's webhook receiver: where its events are POSTed, signed per Standard Webhooks. The
 * signing secret is kept encrypted with the key ring (it must be used again to sign) and is
 * never returned after it is first shown. After a rotation the previous secret signs alongside
 * the new one until `previous_secret_expires_at`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** Public event types (server/webhooks/event-types.ts); ["*"] is every type. */
    eventTypes: text("event_types").array().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** Why it is disabled: a manager did it, or its deliveries kept failing. */
    disabledReason: text("disabled_reason"),
    secretEncrypted: text("secret_encrypted").notNull(),
    previousSecretEncrypted: text("previous_secret_encrypted"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    /** The first failed attempt since the last delivered one; null while deliveries succeed. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("webhook_endpoints_team").on(t.teamId, t.createdAt)],
);

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["pending", "delivered", "retrying", "failed"]);

/**
 * One event for one endpoint. Its id is the `webhook-id` header, the same on every attempt, and
 * its payload is the exact body sent (public facts only, see server/webhooks/event-payload.ts),
 * so a retry or a resend signs the same bytes. (endpoint, event) is unique: an event reaches an
 * endpoint once however often it is fanned out.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** The audit event it carries (for a test event, the webhook.test_sent event). */
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: text("payload").notNull(),
    status: webhookDeliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** After this, a failed attempt is the last one. */
    retryUntil: timestamp("retry_until", { withTimezone: true }).notNull(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastHttpStatus: integer("last_http_status"),
    lastResponseMs: integer("last_response_ms"),
    /** Why the last attempt failed, in a few words (no response body is kept). */
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_endpoint_event_unique").on(t.endpointId, t.eventId),
    index("webhook_deliveries_due").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'retrying')`),
    index("webhook_deliveries_endpoint_log").on(t.endpointId, t.createdAt),
    index("webhook_deliveries_created").on(t.createdAt),
    index("webhook_deliveries_team").on(t.teamId),
  ],
);
