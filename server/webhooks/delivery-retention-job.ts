import { lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import type { Clock } from "../clock";
import { DELIVERY_RETENTION_DAYS } from "./webhook-rules";

/**
 * Removes deliveries made 30 days ago or more: long past their last retry, and the log only
 * needs to explain recent trouble. A plain DELETE, so servers running it at once do no harm.
 */
export async function runWebhookRetentionJob(db: Database, clock: Clock): Promise<{ deleted: number }> {
  const cutoff = new Date(clock.now().getTime() - DELIVERY_RETENTION_DAYS * DAY_MS);
  const deleted = await db
    .delete(webhookDeliveries)
    .where(lte(webhookDeliveries.createdAt, cutoff))
    .returning({ id: webhookDeliveries.id });
  return { deleted: deleted.length };
}
