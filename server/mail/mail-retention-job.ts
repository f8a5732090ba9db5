import { and, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import type { Clock } from "../clock";

export const MAIL_RETENTION_DAYS = 7;

/**
 * Deletes mail delivered 7 days ago or more, and mail that was due that long ago but never
 * went out (given up after its retries, or kept for the Mailbox without SMTP): every link or
 * code in it has expired, and the address is personal data. A plain DELETE, so servers running
 * it at once do no harm.
 */
export async function runMailRetentionJob(db: Database, clock: Clock): Promise<{ deleted: number }> {
  const cutoff = new Date(clock.now().getTime() - MAIL_RETENTION_DAYS * DAY_MS);
  const deleted = await db
    .delete(mailOutbox)
    .where(
      or(
        and(isNotNull(mailOutbox.sentAt), lte(mailOutbox.sentAt, cutoff)),
        and(isNull(mailOutbox.sentAt), lte(mailOutbox.sendAfter, cutoff)),
      ),
    )
    .returning({ id: mailOutbox.id });
  return { deleted: deleted.length };
}
