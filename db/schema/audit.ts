import { bigint, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { actorType } from "./enums";
import { teams } from "./teams";

/**
 * Append-only, hash-chained per team (team_id null is the platform's own chain).
 * Actor ids carry no foreign key on purpose: events outlive the accounts they name.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "restrict" }),
    seq: bigint("seq", { mode: "number" }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    actorType: actorType("actor_type").notNull(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    onBehalfOfAccountId: uuid("on_behalf_of_account_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    unique("audit_events_team_seq_unique").on(t.teamId, t.seq).nullsNotDistinct(),
    index("audit_events_team_actor_seq").on(t.teamId, t.actorId, t.seq),
    index("audit_events_team_action_seq").on(t.teamId, t.action, t.seq),
    // The audit log filtered by actor: the page filters on the label it shows.
    index("audit_events_team_actor_label_seq").on(t.teamId, t.actorLabel, t.seq),
    index("audit_events_team_occurred").on(t.teamId, t.occurredAt),
  ],
);

/**
 * One personal value (an email or a person's name) inside an audit event. The event's hash
 * covers only this value's salted digest, so the value can be erased from the event (salt and
 * email key dropped, the value pseudonymised) while the chain still verifies; as long as the
 * salt is kept, verification checks the stored value against the digest.
 */
export const auditPersonalFields = pgTable(
  "audit_personal_fields",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => auditEvents.id),
    /** The event's team, so a chain's fields are read with one index scan (null: the platform chain). */
    teamId: uuid("team_id"),
    /** Where the value sits in the event: ["actorLabel"] or ["after", "email"], array indexes as numbers. */
    path: jsonb("path").$type<Array<string | number>>().notNull(),
    digest: text("digest").notNull(),
    /** null once erased. */
    salt: text("salt"),
    /** The person the value is about, when known. */
    accountId: uuid("account_id"),
    /** The address in lower case when the value is one, to find it for erasure; null once erased. */
    emailKey: text("email_key"),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
  },
  (t) => [
    index("audit_personal_fields_team").on(t.teamId, t.eventId),
    index("audit_personal_fields_account").on(t.accountId),
    index("audit_personal_fields_email").on(t.emailKey),
  ],
);
