import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, uuid } from "drizzle-orm/pg-core";

/**
 * How far each audit chain has been handed to the event sinks. `recordAudit` moves `head_seq`
 * under the chain's lock, in the event's own transaction; the dispatcher moves `dispatched_seq`
 * in the transaction that fans the events out. A chain is due while head is ahead.
 */
export const eventDispatchCursors = pgTable(
  "event_dispatch_cursors",
  {
    /** The team's id, or "platform" for the platform's own chain. */
    chain: text("chain").primaryKey(),
    /** null: the platform chain. No foreign key: the writer of every audit event upserts this row. */
    teamId: uuid("team_id"),
    headSeq: bigint("head_seq", { mode: "number" }).notNull(),
    dispatchedSeq: bigint("dispatched_seq", { mode: "number" }).notNull().default(0),
  },
  (t) => [index("event_dispatch_cursors_due").on(t.chain).where(sql`${t.headSeq} > ${t.dispatchedSeq}`)],
);
