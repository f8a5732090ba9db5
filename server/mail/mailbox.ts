import { desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { openMailContent } from "./mail-content";

/** The newest mails of the outbox, decrypted, for the development mailbox; optionally to one address. */
export async function listMailbox(db: Queryable, to?: string, limit = 50) {
  const rows = await db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      textBody: mailOutbox.textBody,
      htmlBody: mailOutbox.htmlBody,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(to ? eq(sql`lower(${mailOutbox.toAddress})`, to.trim().toLowerCase()) : undefined)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit);
  return rows.map(({ textBody, htmlBody, ...row }) => {
    const { subject, text } = openMailContent({ subject: row.subject, textBody, htmlBody });
    return { ...row, subject, text };
  });
}
