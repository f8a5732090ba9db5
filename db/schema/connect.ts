import { sql } from "drizzle-orm";
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams } from "./teams";

/** Daily usage figures of a Claris Connect team: flows switched on and API requests served. */
export const connectUsage = pgTable(
  "connect_usage",
  {
    teamId: uuid("team_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    activeFlows: integer("active_flows").notNull().default(0),
    requests: integer("requests").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.day] }),
    foreignKey({ columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
  ],
);

/**
 * The token Claris Connect's metering uses to report a team's usage: held by the platform, not by
 * the team (a team could otherwise lower its own figures). Only its SHA-256 hash is kept.
 */
export const connectUsageTokens = pgTable("connect_usage_tokens", {
  teamId: uuid("team_id")
    .primaryKey()
    .references(() => teams.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  prefix: text("prefix").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
});

/**
 * A limit alert raised for a month: `warning` at 80 % of the monthly API requests, `limit` at
 * 100 %, which suspends the team's flows until `lifted_at` (the next month, or an upgrade). Keyed by
 * the limit it was raised against, so after an upgrade the new limit can warn and suspend again.
 */
export const connectUsageAlerts = pgTable(
  "connect_usage_alerts",
  {
    teamId: uuid("team_id").notNull(),
    /** The calendar month, YYYY-MM (UTC). */
    month: text("month").notNull(),
    level: text("level", { enum: ["warning", "limit"] }).notNull(),
    requestLimit: integer("request_limit").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    liftedAt: timestamp("lifted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.month, t.level, t.requestLimit] }),
    foreignKey({ columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    index("connect_usage_alerts_suspended").on(t.teamId).where(sql`${t.level} = 'limit' and ${t.liftedAt} is null`),
  ],
);
