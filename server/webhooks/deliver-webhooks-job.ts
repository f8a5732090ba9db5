import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { noRequest, systemActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../clock";
import { guardedLookup } from "../outbound/guarded-lookup";
import { checkOutboundUrl } from "../outbound/outbound-url";
import { urlForRecord } from "./endpoint-settings";
import { postWebhook, type WebhookAnswer, type WebhookPoster } from "./receiver-driver/post-webhook";
import { nextAttemptAt } from "./retry-schedule";
import { DISABLE_AFTER_FAILING_MS } from "./webhook-rules";
import { openWebhookSecret, signatureWith } from "./webhook-secret";

/** How long a claimed delivery is reserved for the server sending it: well past the send timeout. */
const LEASE_MS = 2 * 60 * 1000;
const BATCH_SIZE = 20;

type Delivery = typeof webhookDeliveries.$inferSelect;

/**
 * Sends the deliveries that are due to enabled endpoints. Each is claimed first with SKIP
 * LOCKED and a lease, so servers running this at once never send the same attempt twice; the
 * batch is sent side by side, so one slow receiver holds the run up by its timeout at most.
 */
export async function runWebhookDeliveryJob(
  db: Database,
  clock: Clock,
  post: WebhookPoster = postWebhook,
): Promise<{ delivered: number; failed: number }> {
  const now = clock.now();
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(
          inArray(webhookDeliveries.status, ["pending", "retrying"]),
          lte(webhookDeliveries.nextAttemptAt, now),
          eq(webhookEndpoints.enabled, true),
          or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, now)),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(BATCH_SIZE)
      .for("update", { of: webhookDeliveries, skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(webhookDeliveries)
      .set({ lockedUntil: new Date(now.getTime() + LEASE_MS) })
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
  const outcomes = await Promise.all(claimed.map((delivery) => attempt(db, clock, delivery, post)));
  return {
    delivered: outcomes.filter((ok) => ok).length,
    failed: outcomes.filter((ok) => !ok).length,
  };
}

async function attempt(db: Database, clock: Clock, delivery: Delivery, post: WebhookPoster): Promise<boolean> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, delivery.endpointId));
  if (!endpoint) return false;
  const sentAt = clock.now();
  const timestamp = Math.floor(sentAt.getTime() / 1000);
  const secrets = [endpoint.secretEncrypted];
  if (
    endpoint.previousSecretEncrypted &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > sentAt
  ) {
    secrets.push(endpoint.previousSecretEncrypted);
  }
  const signature = secrets
    .map((encrypted) => signatureWith(openWebhookSecret(encrypted), delivery.id, timestamp, delivery.payload))
    .join(" ");
  // Checked again now: the address a name resolves to may have changed since the endpoint was saved.
  const checked = await checkOutboundUrl(endpoint.url);
  const answer: WebhookAnswer = checked.ok
    ? await post({
        url: checked.url.toString(),
        headers: {
          "webhook-id": delivery.id,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": signature,
        },
        body: delivery.payload,
        lookup: guardedLookup,
      })
    : { kind: "failed", failure: checked.problem === "unresolvable" ? "unresolvable" : "private_address", ms: 0 };
  return recordAttempt(db, clock, delivery, sentAt, answer);
}

/** The attempt's outcome, the endpoint's failure count and, after three failing days, its disabling: one transaction. */
async function recordAttempt(
  db: Database,
  clock: Clock,
  delivery: Delivery,
  sentAt: Date,
  answer: WebhookAnswer,
): Promise<boolean> {
  const ok = answer.kind === "answered" && answer.status >= 200 && answer.status < 300;
  await db.transaction(async (tx) => {
    const now = clock.now();
    const [endpoint] = await tx
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, delivery.endpointId))
      // Not UPDATE: see lock-endpoint.ts.
      .for("no key update");
    const [current] = await tx
      .select({ attempts: webhookDeliveries.attempts, retryUntil: webhookDeliveries.retryUntil })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, delivery.id))
      .for("update");
    if (!endpoint || !current) return;
    const attempts = current.attempts + 1;
    // The last retry is made when the window closes, so a delivery that fails it has failed for the whole window.
    const final = !ok && now >= current.retryUntil;
    const retryAt =
      ok || final ? null : new Date(Math.min(nextAttemptAt(now, attempts).getTime(), current.retryUntil.getTime()));
    await tx
      .update(webhookDeliveries)
      .set({
        attempts,
        status: ok ? "delivered" : final ? "failed" : "retrying",
        nextAttemptAt: retryAt,
        lockedUntil: null,
        lastAttemptAt: sentAt,
        lastHttpStatus: answer.kind === "answered" ? answer.status : null,
        lastResponseMs: answer.ms,
        lastError: answer.kind === "failed" ? answer.failure : ok ? null : "http_status",
        ...(ok ? { deliveredAt: now } : {}),
      })
      .where(eq(webhookDeliveries.id, delivery.id));
    if (ok) {
      if (endpoint.failingSince) {
        await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id));
      }
      return;
    }
    const failingSince = endpoint.failingSince ?? sentAt;
    const disable = endpoint.enabled && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS;
    await tx
      .update(webhookEndpoints)
      .set(disable ? { failingSince, enabled: false, disabledReason: "failing", updatedAt: now } : { failingSince })
      .where(eq(webhookEndpoints.id, endpoint.id));
    if (disable) {
      await recordAudit(tx, {
        actor: systemActor("Webhook delivery"),
        occurredAt: now,
        request: noRequest,
        teamId: endpoint.teamId,
        action: "webhook.endpoint_disabled",
        target: { type: "webhook_endpoint", id: endpoint.id },
        before: { enabled: true },
        after: {
          enabled: false,
          reason: "repeated_failures",
          failingSince,
          url: urlForRecord(endpoint.url),
          description: endpoint.description,
        },
      });
    }
  });
  return ok;
}
