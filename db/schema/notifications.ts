import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teams } from "./teams";

/**
 * One in-app notification for one person, made from one audit event. The account carries no
 * foreign key on purpose: the dispatcher writes these while audit writers wait on its cursor,
 * so it must not wait on account row locks in turn; deleting an account deletes its rows.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").notNull(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    params: jsonb("params").$type<Record<string, string | number>>().notNull(),
    link: text("link").notNull(),
    eventId: uuid("event_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    // A repeated fan-out of the same event cannot notify anyone twice.
    uniqueIndex("notifications_event_account_kind").on(t.eventId, t.accountId, t.kind),
    index("notifications_account_newest").on(t.accountId, t.createdAt.desc(), t.id.desc()),
    index("notifications_account_team_newest").on(t.accountId, t.teamId, t.createdAt.desc(), t.id.desc()),
    // The bell's count on every page: only unread rows are in it.
    index("notifications_unread").on(t.accountId).where(sql`${t.readAt} is null`),
    index("notifications_created").on(t.createdAt),
  ],
);

/** A person's choice of email for one kind of notification; no row means the kind's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    accountId: uuid("account_id").notNull(),
    kind: text("kind").notNull(),
    email: boolean("email").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.kind] })],
);
