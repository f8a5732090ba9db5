import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import type { Clock } from "../clock";
import { openMailContent } from "./mail-content";

export interface MailTransport {
  send(mail: { to: string; subject: string; text: string; html: string | null; messageId: string }): Promise<void>;
}

/** How long a claimed mail is reserved for the server sending it. */
const LEASE_MS = 2 * 60 * 1000;
/** After this many failures a mail stays in the outbox with its last error, for a person to look at. */
export const MAX_ATTEMPTS = 8;

/** 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(attempts - 1, 0)) * 60 * 1000;
}

/**
 * Sends the mails that are due. Each is claimed first with SKIP LOCKED and a lease, so
 * several servers running this at once never send the same mail; a sent mail is marked
 * sent and never picked again; a failure is retried later with a growing delay.
 */
export async function deliverDueMail(
  db: Database,
  transport: MailTransport,
  clock: Clock,
  batchSize = 20,
): Promise<{ sent: number; failed: number }> {
  const now = clock.now();
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          isNull(mailOutbox.sentAt),
          lte(mailOutbox.sendAfter, now),
          sql`${mailOutbox.attempts} < ${MAX_ATTEMPTS}`,
          or(isNull(mailOutbox.lockedUntil), lte(mailOutbox.lockedUntil, now)),
        ),
      )
      .orderBy(asc(mailOutbox.sendAfter))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((d) => d.id);
    return tx
      .update(mailOutbox)
      .set({ lockedUntil: new Date(now.getTime() + LEASE_MS) })
      .where(sql`${mailOutbox.id} in ${ids}`)
      .returning();
  });

  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    try {
      await transport.send({
        to: mail.toAddress,
        ...openMailContent(mail),
        messageId: `<${mail.id}@customer-console>`,
      });
      if (mail.eraseWhenSent) await db.delete(mailOutbox).where(eq(mailOutbox.id, mail.id));
      else
        await db.update(mailOutbox).set({ sentAt: clock.now(), lockedUntil: null }).where(eq(mailOutbox.id, mail.id));
      sent += 1;
    } catch (error) {
      const attempts = mail.attempts + 1;
      await db
        .update(mailOutbox)
        .set({
          attempts,
          lastError: (error as Error).message.slice(0, 500),
          lockedUntil: null,
          sendAfter: new Date(clock.now().getTime() + retryDelayMs(attempts)),
        })
        .where(eq(mailOutbox.id, mail.id));
      failed += 1;
    }
  }
  return { sent, failed };
}
