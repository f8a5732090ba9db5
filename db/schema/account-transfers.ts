import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { teams } from "./teams";

export const accountTransferStatus = pgEnum("account_transfer_status", [
  "pending",
  "completed",
  "denied",
  "cancelled",
  "expired",
]);

/**
 * A person's request to move their Claris ID from one team (`team_id`, the team it leaves) to
 * another of the same product. Which approvals it needs is fixed when it is made, from both
 * teams' settings, so a setting changed later cannot strand or skip a request under way.
 */
export const accountTransfers = pgTable(
  "account_transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The team the person leaves. */
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    toTeamId: uuid("to_team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    status: accountTransferStatus("status").notNull().default("pending"),
    outApprovalRequired: boolean("out_approval_required").notNull(),
    inApprovalRequired: boolean("in_approval_required").notNull(),
    outAllowedAt: timestamp("out_allowed_at", { withTimezone: true }),
    outAllowedByAccountId: uuid("out_allowed_by_account_id").references(() => accounts.id, { onDelete: "set null" }),
    inAllowedAt: timestamp("in_allowed_at", { withTimezone: true }),
    inAllowedByAccountId: uuid("in_allowed_by_account_id").references(() => accounts.id, { onDelete: "set null" }),
    /** Which side denied it: "out" (the team left) or "in" (the team joined). */
    deniedSide: text("denied_side"),
    denyReason: text("deny_reason"),
    /** Set on completion when the person held a licence: whether a seat was free for it in the team joined. */
    licensedOnArrival: boolean("licensed_on_arrival"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    // One open request per account at a time.
    uniqueIndex("account_transfers_one_pending_per_account").on(t.accountId).where(sql`${t.status} = 'pending'`),
    index("account_transfers_team").on(t.teamId),
    index("account_transfers_to_team").on(t.toTeamId),
    index("account_transfers_account_created").on(t.accountId, t.createdAt),
    index("account_transfers_pending_expiry").on(t.expiresAt).where(sql`${t.status} = 'pending'`),
  ],
);
