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
    index("audit_events_team_occurred").on(t.teamId, t.occurredAt),
  ],
);
