import type { Transaction } from "@/db/client";
import { alertDeliveries } from "@/db/schema";
import { RETRY_WINDOW_MS } from "../webhooks/webhook-rules";
import { type AlertRecord, alertPayload } from "./alert-payload";

/**
 * Puts the alert in the operator's outbox when an alert receiver is configured; the
 * `alerts.deliver` job signs and sends it, and retries it for as long as a team's webhook.
 */
export async function queueOperatorAlert(tx: Transaction, alert: AlertRecord, now: Date): Promise<void> {
  if (!process.env.ALERT_WEBHOOK_URL?.trim()) return;
  await tx.insert(alertDeliveries).values({
    alertId: alert.id,
    payload: alertPayload(alert),
    nextAttemptAt: now,
    retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS),
    createdAt: now,
  });
}
