import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams } from "./teams";

/**
 * Mail waits here until the sender delivers it (or the dev mailbox shows it). Subject and
 * bodies are encrypted (see server/mail/mail-content.ts); rows go 7 days after delivery.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sendAfter: timestamp("send_after", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    eraseWhenSent: boolean("erase_when_sent").notNull().default(false),
  },
  (t) => [
    index("mail_outbox_due").on(t.sendAfter).where(sql`${t.sentAt} is null`),
    index("mail_outbox_to").on(sql`lower(${t.toAddress})`, t.createdAt),
    index("mail_outbox_sent").on(t.sentAt),
  ],
);
