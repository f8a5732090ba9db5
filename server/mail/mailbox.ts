import { desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { mailOutbox } from "@/db/schema";

/** The newest mails of the outbox, for the development mailbox; optionally to one address. */
export function listMailbox(db: Queryable, to?: string, limit = 50) {
  return db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      text: mailOutbox.textBody,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(to ? eq(sql`lower(${mailOutbox.toAddress})`, to.trim().toLowerCase()) : undefined)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit);
}
