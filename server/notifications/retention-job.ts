import { lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { notifications } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import type { Clock } from "../clock";

/** Notifications are kept this long, read or not. */
export const NOTIFICATION_RETENTION_DAYS = 90;

/**
 * Deletes notifications older than the retention, a batch at a time. Deleting is the same
 * whoever does it, so servers running this at once only share the work.
 */
export async function runNotificationRetentionJob(
  db: Database,
  clock: Clock,
  batchSize = 5_000,
): Promise<{ deleted: number }> {
  const cutoff = new Date(clock.now().getTime() - NOTIFICATION_RETENTION_DAYS * DAY_MS);
  let deleted = 0;
  for (;;) {
    const old = db
      .select({ id: notifications.id })
      .from(notifications)
      .where(lt(notifications.createdAt, cutoff))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    const gone = await db
      .delete(notifications)
      .where(sql`${notifications.id} in ${old}`)
      .returning({ id: notifications.id });
    deleted += gone.length;
    if (gone.length < batchSize) return { deleted };
  }
}
