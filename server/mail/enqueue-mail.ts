import type { Queryable } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { sealMailContent } from "./mail-content";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  teamId?: string | null;
  /** Delete the row as soon as the mail is sent, e.g. the last mail to a deleted account. */
  eraseWhenSent?: boolean;
}

/**
 * Puts a mail in the outbox inside the caller's transaction: it is sent exactly when the
 * change that asked for it is committed.
 */
export async function enqueueMail(db: Queryable, mail: OutgoingMail, now: Date): Promise<{ id: string }> {
  const [row] = await enqueueMails(db, [mail], now);
  return row!;
}

/** Many mails in one statement, for bulk work such as a CSV import of invitations. */
export async function enqueueMails(
  db: Queryable,
  mails: readonly OutgoingMail[],
  now: Date,
): Promise<Array<{ id: string }>> {
  if (mails.length === 0) return [];
  return db
    .insert(mailOutbox)
    .values(
      mails.map((mail) => ({
        toAddress: mail.to,
        ...sealMailContent(mail),
        teamId: mail.teamId ?? null,
        eraseWhenSent: mail.eraseWhenSent ?? false,
        createdAt: now,
        sendAfter: now,
      })),
    )
    .returning({ id: mailOutbox.id });
}
