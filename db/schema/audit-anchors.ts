import { bigint, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { teams } from "./teams";

/**
 * Signed heads of the teams' audit chains. An anchor names the newest event at the time it
 * was signed, so deleting events after it, or rewriting them, no longer goes unnoticed.
 * The public part of each signature is also written to the logs, outside the database.
 */
export const auditAnchors = pgTable(
  "audit_anchors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "restrict" }),
    seq: bigint("seq", { mode: "number" }).notNull(),
    headHash: text("head_hash").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    /** The signing key's id in AUDIT_SIGNING_KEYS; older keys keep verifying after a rotation. */
    keyId: text("key_id").notNull(),
    /** Ed25519 over the anchor's fields, base64. */
    signature: text("signature").notNull(),
    /** Who asked: the hourly job or the account that checked the log. */
    anchoredBy: text("anchored_by").notNull(),
  },
  (t) => [unique("audit_anchors_team_seq_unique").on(t.teamId, t.seq)],
);
