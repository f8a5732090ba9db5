import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { alertDeliveries } from "@/db/schema";
import type { Clock } from "../clock";
import { logger } from "../logger";
import { guardedLookup } from "../outbound/guarded-lookup";
import { checkOutboundUrl } from "../outbound/outbound-url";
import { postWebhook, type WebhookAnswer, type WebhookPoster } from "../webhooks/receiver-driver/post-webhook";
import { nextAttemptAt } from "../webhooks/retry-schedule";
import { signatureWith } from "../webhooks/webhook-secret";
import { type AlertWebhookSettings, alertWebhookSettings } from "./alert-webhook-settings";

/** How long a claimed delivery is reserved for the server sending it: well past the send timeout. */
const LEASE_MS = 2 * 60 * 1000;
const BATCH_SIZE = 20;

type Delivery = typeof alertDeliveries.$inferSelect;

/**
 * Sends the operator's due alerts to ALERT_WEBHOOK_URL, signed with ALERT_WEBHOOK_SECRET exactly
 * as a team's webhooks are (Standard Webhooks), and retried on the same schedule for 3 days.
 * Each delivery is claimed with SKIP LOCKED and a lease first, so servers running this at once
 * never send the same attempt twice.
 */
export async function runAlertDeliveryJob(
  db: Database,
  clock: Clock,
  post: WebhookPoster = postWebhook,
): Promise<{ delivered: number; failed: number }> {
  const settings = alertWebhookSettings();
  if (!settings) return { delivered: 0, failed: 0 };
  const now = clock.now();
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: alertDeliveries.id })
      .from(alertDeliveries)
      .where(
        and(
          inArray(alertDeliveries.status, ["pending", "retrying"]),
          lte(alertDeliveries.nextAttemptAt, now),
          or(isNull(alertDeliveries.lockedUntil), lte(alertDeliveries.lockedUntil, now)),
        ),
      )
      .orderBy(asc(alertDeliveries.nextAttemptAt))
      .limit(BATCH_SIZE)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(alertDeliveries)
      .set({ lockedUntil: new Date(now.getTime() + LEASE_MS) })
      .where(
        inArray(
          alertDeliveries.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
  const outcomes = await Promise.all(claimed.map((delivery) => attempt(db, clock, settings, delivery, post)));
  return { delivered: outcomes.filter((ok) => ok).length, failed: outcomes.filter((ok) => !ok).length };
}

async function attempt(
  db: Database,
  clock: Clock,
  settings: AlertWebhookSettings,
  delivery: Delivery,
  post: WebhookPoster,
): Promise<boolean> {
  const sentAt = clock.now();
  const timestamp = Math.floor(sentAt.getTime() / 1000);
  // The same guard as a team's webhooks: the name is resolved now, and again as the socket connects.
  const checked = await checkOutboundUrl(settings.url);
  const answer: WebhookAnswer = checked.ok
    ? await post({
        url: checked.url.toString(),
        headers: {
          "webhook-id": delivery.id,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": signatureWith(settings.secret, delivery.id, timestamp, delivery.payload),
        },
        body: delivery.payload,
        lookup: guardedLookup,
      })
    : { kind: "failed", failure: checked.problem === "unresolvable" ? "unresolvable" : "private_address", ms: 0 };
  const ok = answer.kind === "answered" && answer.status >= 200 && answer.status < 300;
  const now = clock.now();
  const attempts = delivery.attempts + 1;
  // The last retry is made when the window closes, so a delivery that fails it has failed for the whole window.
  const final = !ok && now >= delivery.retryUntil;
  const retryAt =
    ok || final ? null : new Date(Math.min(nextAttemptAt(now, attempts).getTime(), delivery.retryUntil.getTime()));
  await db
    .update(alertDeliveries)
    .set({
      attempts,
      status: ok ? "delivered" : final ? "failed" : "retrying",
      nextAttemptAt: retryAt,
      lockedUntil: null,
      lastAttemptAt: sentAt,
      lastHttpStatus: answer.kind === "answered" ? answer.status : null,
      lastError: answer.kind === "failed" ? answer.failure : ok ? null : "http_status",
      ...(ok ? { deliveredAt: now } : {}),
    })
    .where(eq(alertDeliveries.id, delivery.id));
  if (final) {
    logger.error(
      { alertDeliveryId: delivery.id, alertId: delivery.alertId, attempts },
      "security alert could not be delivered to ALERT_WEBHOOK_URL",
    );
  }
  return ok;
}
