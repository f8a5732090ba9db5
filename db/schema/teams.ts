import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { product, teamStatus } from "./enums";

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    product: product("product").notNull(),
    status: teamStatus("status").notNull().default("trial"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    terminatedAt: timestamp("terminated_at", { withTimezone: true }),
    purgedAt: timestamp("purged_at", { withTimezone: true }),
  },
  (t) => [index("teams_name_trgm").using("gin", sql`lower(${t.name}) gin_trgm_ops`)],
);

/** One row per team, created with the team. */
export const teamSettings = pgTable("team_settings", {
  teamId: uuid("team_id")
    .primaryKey()
    .references(() => teams.id, { onDelete: "cascade" }),
  mfaRequired: boolean("mfa_required").notNull().default(false),
  sessionIdleMinutes: integer("session_idle_minutes").notNull().default(120),
  allowedInviteDomains: text("allowed_invite_domains").array().notNull().default(sql`'{}'::text[]`),
  transferInRequiresApproval: boolean("transfer_in_requires_approval").notNull().default(false),
  transferOutRequiresApproval: boolean("transfer_out_requires_approval").notNull().default(false),
  managedUsersMayChangeEmail: boolean("managed_users_may_change_email").notNull().default(true),
  managedUsersMayChangeName: boolean("managed_users_may_change_name").notNull().default(true),
  departedUserRetentionDays: integer("departed_user_retention_days").notNull().default(90),
  /** Members on the team's verified domains sign in only through an identity provider. */
  ssoRequired: boolean("sso_required").notNull().default(false),
  /** Up to three accounts besides the owner that keep password + two-step verification while SSO is required. */
  ssoBreakGlassAccountIds: uuid("sso_break_glass_account_ids").array().notNull().default(sql`'{}'::uuid[]`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
