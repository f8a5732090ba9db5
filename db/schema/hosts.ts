import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import {
  customAppStatus,
  hostKind,
  hostMetricResolution,
  hostOperationKind,
  hostOperationStatus,
  hostStatus,
} from "./enums";
import { groups } from "./groups";
import { teams } from "./teams";

/**
 * A FileMaker server of a team: a FileMaker Cloud host the platform runs, or a FileMaker Server
 * the team connected. Either way the console reaches it through its Admin API.
 */
export const hosts = pgTable(
  "hosts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    kind: hostKind("kind").notNull().default("cloud"),
    name: text("name").notNull(),
    hostname: text("hostname").notNull(),
    /** Cloud hosts only: a self-hosted server's place and size are its owner's business. */
    region: text("region"),
    computeSize: text("compute_size"),
    filemakerVersion: text("filemaker_version").notNull(),
    status: hostStatus("status").notNull().default("provisioning"),
    statusSince: timestamp("status_since", { withTimezone: true }).notNull().defaultNow(),
    /** When the server last started, for its uptime; null while it is not running. */
    startedAt: timestamp("started_at", { withTimezone: true }),
    /** The base URL the Admin API lives under (…/fmi/admin/api/v2/). */
    adminApiUrl: text("admin_api_url").notNull(),
    adminUser: text("admin_user").notNull(),
    /** Encrypted with the key ring; never shown again once set. */
    adminPasswordEncrypted: text("admin_password_encrypted").notNull(),
    /** PEM certificates to trust for this server instead of the system's (a self-hosted server's own CA). */
    caCertificate: text("ca_certificate"),
    /** The poll job claims a host by moving this forward, so app servers never poll it twice. */
    nextPollAt: timestamp("next_poll_at", { withTimezone: true }).notNull().defaultNow(),
    lastPolledAt: timestamp("last_polled_at", { withTimezone: true }),
    /** Why the last poll could not reach the host, in the words of the failure. */
    lastPollError: text("last_poll_error"),
    /** What the last poll saw of clients, schedules and backups (see server/hosts/live-state.ts). */
    liveState: jsonb("live_state"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("hosts_team_id_unique").on(t.teamId, t.id),
    // The platform names each cloud host once; a FileMaker Server may be connected by more than one team.
    uniqueIndex("hosts_hostname_unique").on(sql`lower(${t.hostname})`).where(sql`${t.kind} = 'cloud'`),
    uniqueIndex("hosts_team_server_unique").on(t.teamId, t.adminApiUrl).where(sql`${t.kind} = 'self_hosted'`),
    uniqueIndex("hosts_team_name_ci_unique").on(t.teamId, sql`lower(${t.name})`),
    index("hosts_next_poll").on(t.nextPollAt),
  ],
);

/** A database hosted on a host, kept in step with the host's database list by the poll. */
export const customApps = pgTable(
  "custom_apps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id").notNull(),
    hostId: uuid("host_id").notNull(),
    name: text("name").notNull(),
    /** The database's id in the host's Admin API; null until the poll has seen it. */
    databaseId: text("database_id"),
    status: customAppStatus("status").notNull().default("closed"),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull().default(0),
    clients: integer("clients").notNull().default(0),
    encrypted: boolean("encrypted").notNull().default(false),
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

/**
 * Load figures of a host over time: one row a minute for 24 hours, then one an hour (averages,
 * transfer summed) for 30 days.
 */
export const hostMetrics = pgTable(
  "host_metrics",
  {
    teamId: uuid("team_id").notNull(),
    hostId: uuid("host_id").notNull(),
    resolution: hostMetricResolution("resolution").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    cpuPercent: real("cpu_percent").notNull(),
    memoryPercent: real("memory_percent").notNull(),
    connectedClients: integer("connected_clients").notNull(),
    storageBytes: bigint("storage_bytes", { mode: "number" }).notNull(),
    /** Bytes sent in the interval the row covers. */
    dataTransferBytes: bigint("data_transfer_bytes", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hostId, t.resolution, t.recordedAt] }),
    foreignKey({ columns: [t.teamId, t.hostId], foreignColumns: [hosts.teamId, hosts.id] }).onDelete("cascade"),
  ],
);

/**
 * An action on a host, run in the background: queued, running, then succeeded or failed with
 * the Admin API's own message. At most one is queued or running per host.
 */
export const hostOperations = pgTable(
  "host_operations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id").notNull(),
    hostId: uuid("host_id").notNull(),
    kind: hostOperationKind("kind").notNull(),
    /** What the operation acts on (database, client, schedule, backup) and its options; never a secret. */
    parameters: jsonb("parameters").notNull().default({}),
    status: hostOperationStatus("status").notNull().default("queued"),
    requestedByAccountId: uuid("requested_by_account_id").references(() => accounts.id, { onDelete: "set null" }),
    /** The failure as the host or the network gave it. */
    failure: text("failure"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.teamId, t.hostId], foreignColumns: [hosts.teamId, hosts.id] }).onDelete("cascade"),
    index("host_operations_host_created").on(t.hostId, t.createdAt),
    // One at a time per host: a second request waits for none, it is refused.
    uniqueIndex("host_operations_one_active_per_host").on(t.hostId).where(sql`${t.status} in ('queued', 'running')`),
    index("host_operations_queued").on(t.createdAt).where(sql`${t.status} = 'queued'`),
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
