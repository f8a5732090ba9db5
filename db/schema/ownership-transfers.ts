import { sql } from "drizzle-orm";
import { foreignKey, index, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { memberships } from "./memberships";
import { teams } from "./teams";

/** The owner's offer of the team to another member; ownership moves only when that member accepts. */
export const ownershipTransfers = pgTable(
  "ownership_transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    fromMembershipId: uuid("from_membership_id").notNull(),
    toMembershipId: uuid("to_membership_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    /** Cancelled by the owner or declined by the member. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      columns: [t.teamId, t.fromMembershipId],
      foreignColumns: [memberships.teamId, memberships.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.teamId, t.toMembershipId],
      foreignColumns: [memberships.teamId, memberships.id],
    }).onDelete("cascade"),
    // One open offer per team at a time.
    uniqueIndex("ownership_transfers_one_open_per_team")
      .on(t.teamId)
      .where(sql`${t.acceptedAt} is null and ${t.cancelledAt} is null`),
    index("ownership_transfers_to").on(t.toMembershipId),
  ],
);
