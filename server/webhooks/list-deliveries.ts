import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { getWebhookEndpoint } from "./list-endpoints";
import { DELIVERY_LOG_PAGE_SIZE } from "./webhook-rules";

/** An endpoint's deliveries, newest first, one page at a time (page 1 is the newest). */
export async function listWebhookDeliveries(
  db: Queryable,
  input: { teamId: string; webhookEndpointId: string; page: number },
  now: Date,
  pageSize = DELIVERY_LOG_PAGE_SIZE,
) {
  const endpoint = await getWebhookEndpoint(db, input.teamId, input.webhookEndpointId, now);
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastHttpStatus: webhookDeliveries.lastHttpStatus,
      lastResponseMs: webhookDeliveries.lastResponseMs,
      lastError: webhookDeliveries.lastError,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.teamId, input.teamId), eq(webhookDeliveries.endpointId, endpoint.id)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(pageSize + 1)
    .offset((input.page - 1) * pageSize);
  return { deliveries: rows.slice(0, pageSize), hasOlder: rows.length > pageSize, page: input.page };
}
