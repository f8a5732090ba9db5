import type { Queryable } from "@/db/client";
import { mailOutbox } from "@/db/schema";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  teamId?: string | null;
}

/**
 * Puts a mail in the outbox inside the caller's transaction: it is sent exactly when the
 * change that asked for it is committed.
 */
export async function enqueueMail(db: Queryable, mail: OutgoingMail, now: Date): Promise<{ id: string }> {
  const [row] = await db
    .insert(mailOutbox)
    .values({
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      teamId: mail.teamId ?? null,
      createdAt: now,
      sendAfter: now,
    })
    .returning({ id: mailOutbox.id });
  return row!;
}
