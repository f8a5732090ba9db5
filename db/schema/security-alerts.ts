import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams } from "./teams";

export const securityAlertSeverity = pgEnum("security_alert_severity", ["critical", "high", "medium"]);

/**
 * One security alert (server/alerts): raised once per (rule, team, subject) within its rule's
 * window; a repeat inside the window adds to `occurrences` and tells nobody again. Not an audit
 * event: a burst of failed sign-ins must not flood the chains, and a broken chain must still
 * be reportable. `details` holds only what the team's owner may see in its audit log.
 */
export const securityAlerts = pgTable(
  "security_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rule: text("rule").notNull(),
    severity: securityAlertSeverity("severity").notNull(),
    /** null: the platform's own chain, told to the operator only. */
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    /** What the alert is about within its rule: an account, a staff member, a digest of an address. */
    subject: text("subject").notNull(),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>().notNull(),
    /** The audit event that raised it, when an event did. */
    eventId: uuid("event_id"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    windowEndsAt: timestamp("window_ends_at", { withTimezone: true }).notNull(),
    occurrences: integer("occurrences").notNull().default(1),
  },
  (t) => [
    index("security_alerts_dedup").on(t.rule, t.subject, t.teamId, t.windowEndsAt.desc()),
    index("security_alerts_team").on(t.teamId, t.raisedAt.desc()),
  ],
);

export const alertDeliveryStatus = pgEnum("alert_delivery_status", ["pending", "delivered", "retrying", "failed"]);

/**
 * The outbox of the operator's alert webhook (ALERT_WEBHOOK_URL): one row per alert, its id the
 * `webhook-id` header of every attempt and its payload the exact bytes signed, sent and retried
 * by the `alerts.deliver` job, never inline in a request.
 */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => securityAlerts.id, { onDelete: "cascade" }),
    payload: text("payload").notNull(),
    status: alertDeliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    retryUntil: timestamp("retry_until", { withTimezone: true }).notNull(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastHttpStatus: integer("last_http_status"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("alert_deliveries_due").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'retrying')`),
    index("alert_deliveries_alert").on(t.alertId),
    index("alert_deliveries_created").on(t.createdAt),
  ],
);

/**
 * Failed sign-ins counted per team and per address for the burst rules, in a window that starts
 * at the first failure. Keys carry a team id or a digest of the address, never the address.
 */
export const failedSignInCounters = pgTable("failed_sign_in_counters", {
  /** "team:<team id>" or "address:<sha-256 of the lower-case address>". */
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
});
