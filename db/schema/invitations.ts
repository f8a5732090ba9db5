import { sql } from "drizzle-orm";
import {
  boolean,
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
import { accounts } from "./accounts";
import { membershipRole } from "./enums";
import { groups } from "./groups";
import { teams } from "./teams";

/** A single-use, expiring invitation; only the token's hash is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    /** The invitee's name when the inviter knew it (CSV import). */
    name: text("name"),
    role: membershipRole("role").notNull().default("member"),
    licensed: boolean("licensed").notNull().default(false),
    tokenHash: text("token_hash").notNull(),
    invitedByAccountId: uuid("invited_by_account_id").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    unique("invitations_team_id_unique").on(t.teamId, t.id),
    uniqueIndex("invitations_token_hash_unique").on(t.tokenHash),
    uniqueIndex("invitations_pending_email_unique")
      .on(t.teamId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index("invitations_team_created").on(t.teamId, t.createdAt),
  ],
);

export const invitationGroups = pgTable(
  "invitation_groups",
  {
    teamId: uuid("team_id").notNull(),
    invitationId: uuid("invitation_id").notNull(),
    groupId: uuid("group_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.invitationId, t.groupId] }),
    foreignKey({ columns: [t.teamId, t.invitationId], foreignColumns: [invitations.teamId, invitations.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.teamId, t.groupId], foreignColumns: [groups.teamId, groups.id] }).onDelete("cascade"),
  ],
);
