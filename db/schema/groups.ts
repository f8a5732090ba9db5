import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { memberships } from "./memberships";
import { teams } from "./teams";

export const groups = pgTable(
  "groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Value of the identity provider's group claim that maps to this group. */
    identityProviderGroup: text("identity_provider_group"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("groups_team_id_unique").on(t.teamId, t.id),
    uniqueIndex("groups_team_name_ci_unique").on(t.teamId, sql`lower(${t.name})`),
    index("groups_name_trgm").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

export const groupMemberships = pgTable(
  "group_memberships",
  {
    teamId: uuid("team_id").notNull(),
    groupId: uuid("group_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.membershipId] }),
    foreignKey({ columns: [t.teamId, t.groupId], foreignColumns: [groups.teamId, groups.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.teamId, t.membershipId], foreignColumns: [memberships.teamId, memberships.id] }).onDelete(
      "cascade",
    ),
    index("group_memberships_membership").on(t.membershipId),
  ],
);
