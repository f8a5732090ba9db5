import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { backupKind, customAppStatus, hostStatus } from "./enums";
import { groups } from "./groups";
import { teams } from "./teams";

/** A FileMaker Cloud server instance of a team. */
export const hosts = pgTable(
  "hosts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    hostname: text("hostname").notNull(),
    region: text("region").notNull(),
    computeSize: text("compute_size").notNull(),
    filemakerVersion: text("filemaker_version").notNull(),
    status: hostStatus("status").notNull().default("provisioning"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("hosts_team_id_unique").on(t.teamId, t.id),
    uniqueIndex("hosts_hostname_unique").on(sql`lower(${t.hostname})`),
    uniqueIndex("hosts_team_name_ci_unique").on(t.teamId, sql`lower(${t.name})`),
  ],
);

/** A database hosted on a host. */
export const customApps = pgTable(
  "custom_apps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id").notNull(),
    hostId: uuid("host_id").notNull(),
    name: text("name").notNull(),
    status: customAppStatus("status").notNull().default("closed"),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.teamId, t.hostId], foreignColumns: [hosts.teamId, hosts.id] }).onDelete("cascade"),
    unique("custom_apps_team_id_unique").on(t.teamId, t.id),
    uniqueIndex("custom_apps_host_name_ci_unique").on(t.hostId, sql`lower(${t.name})`),
    index("custom_apps_team").on(t.teamId),
  ],
);

/** Groups whose members may use a custom app. */
export const customAppGroups = pgTable(
  "custom_app_groups",
  {
    teamId: uuid("team_id").notNull(),
    customAppId: uuid("custom_app_id").notNull(),
    groupId: uuid("group_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customAppId, t.groupId] }),
    foreignKey({ columns: [t.teamId, t.customAppId], foreignColumns: [customApps.teamId, customApps.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.teamId, t.groupId], foreignColumns: [groups.teamId, groups.id] }).onDelete("cascade"),
    index("custom_app_groups_group").on(t.groupId),
  ],
);

export const hostBackups = pgTable(
  "host_backups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id").notNull(),
    hostId: uuid("host_id").notNull(),
    kind: backupKind("kind").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.teamId, t.hostId], foreignColumns: [hosts.teamId, hosts.id] }).onDelete("cascade"),
    index("host_backups_host_created").on(t.hostId, t.createdAt),
  ],
);

/** Daily usage figures of a host, summed for the subscription's meters. */
export const hostUsage = pgTable(
  "host_usage",
  {
    teamId: uuid("team_id").notNull(),
    hostId: uuid("host_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    storageBytes: bigint("storage_bytes", { mode: "number" }).notNull().default(0),
    dataTransferBytes: bigint("data_transfer_bytes", { mode: "number" }).notNull().default(0),
    peakConnections: integer("peak_connections").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.hostId, t.day] }),
    foreignKey({ columns: [t.teamId, t.hostId], foreignColumns: [hosts.teamId, hosts.id] }).onDelete("cascade"),
    index("host_usage_team_day").on(t.teamId, t.day),
  ],
);
