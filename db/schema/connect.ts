import { date, foreignKey, integer, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
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
