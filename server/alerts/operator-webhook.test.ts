import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { alertDeliveries, securityAlerts } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DAY_MS } from "@/lib/time";
import { fixedClock } from "../clock";
import { demoTeamId } from "../testing/demo";
import { type HttpReceiver, type ReceivedRequest, signedWith, startHttpReceiver } from "../testing/http-receiver";
import { RETRY_DELAYS_MS } from "../webhooks/retry-schedule";
import { alertWebhookSettings } from "./alert-webhook-settings";
import { runAlertDeliveryJob } from "./deliver-alerts-job";
import { raiseAlert } from "./raise-alert";

const database = setUpTestDatabase();
const db = (): Database => database.handle.db;
const clock = fixedClock("2026-04-01T09:00:00Z");
const SECRET = `whsec_${randomBytes(32).toString("base64")}`;
let acme = "";

let receiver: HttpReceiver;
let port = 0;
/** What the receiver got, each request's headers and exact body (the receiver's own array). */
let received: ReceivedRequest[] = [];

beforeAll(async () => {
  receiver = await startHttpReceiver();
  port = receiver.port;
  received = receiver.received;
  acme = await demoTeamId(db(), "Acme Corp");
});
afterAll(() => receiver.close());
beforeEach(() => {
  // A demo allows plain http on loopback, where the test's receiver listens.
  vi.stubEnv("CONSOLE_ENV", "demo");
  vi.stubEnv("ALERT_WEBHOOK_URL", `http://127.0.0.1:${port}/alerts`);
  vi.stubEnv("ALERT_WEBHOOK_SECRET", SECRET);
  receiver.reset();
  clock.advance(7 * DAY_MS);
});
afterEach(() => vi.unstubAllEnvs());

function raise(teamId: string | null, subject: string = randomUUID()) {
  return db().transaction((tx) =>
    raiseAlert(
      tx,
      {
        rule: teamId ? "api_key_created" : "failed_sign_ins_address",
        teamId,
        subject,
        details: { apiKeyId: subject, actorType: "account" },
      },
      clock.now(),
    ),
  );
}

describe("the operator's alert webhook", () => {
  it("gets each new alert once, signed like the console's webhooks and verifiable with ALERT_WEBHOOK_SECRET", async () => {
    const { alertId } = await raise(acme, "account:a");
    await raise(acme, "account:a");
    expect(received).toEqual([]);
    expect(await runAlertDeliveryJob(db(), clock)).toEqual({ delivered: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(signedWith(SECRET, request!)).toBe(true);
    expect(signedWith(`whsec_${randomBytes(32).toString("base64")}`, request!)).toBe(false);
    expect(request!.headers["webhook-timestamp"]).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    expect(JSON.parse(request!.body)).toEqual({
      type: "security.alert",
      timestamp: clock.now().toISOString(),
      data: {
        alertId,
        rule: "api_key_created",
        severity: "medium",
        teamId: acme,
        subject: "account:a",
        eventId: null,
        windowEndsAt: new Date(clock.now().getTime() + 60 * 60 * 1000).toISOString(),
        details: { apiKeyId: "account:a", actorType: "account" },
      },
    });
    expect(await runAlertDeliveryJob(db(), clock)).toEqual({ delivered: 0, failed: 0 });
  });

  it("retries after a failing receiver with the same id and body, on the webhook schedule, until it answers", async () => {
    const { alertId } = await raise(null);
    receiver.answers = [500, 503];
    expect(await runAlertDeliveryJob(db(), clock)).toEqual({ delivered: 0, failed: 1 });
    expect(await runAlertDeliveryJob(db(), clock)).toEqual({ delivered: 0, failed: 0 });
    clock.advance(RETRY_DELAYS_MS[0] * 1.1);
    expect(await runAlertDeliveryJob(db(), clock)).toEqual({ delivered: 0, failed: 1 });
    clock.advance(RETRY_DELAYS_MS[1] * 1.1);
    expect(await runAlertDeliveryJob(db(), clock)).toEqual({ delivered: 1, failed: 0 });
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(received.every((r) => signedWith(SECRET, r))).toBe(true);
    const [delivery] = await db().select().from(alertDeliveries).where(eq(alertDeliveries.alertId, alertId));
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastHttpStatus: 200 });
  });

  it("gives up after the 3-day retry window and keeps the failure", async () => {
    const { alertId } = await raise(acme);
    receiver.answers = Array<number>(20).fill(500);
    for (let i = 0; i < 12; i++) {
      await runAlertDeliveryJob(db(), clock);
      clock.advance(10 * 60 * 60 * 1000 * 1.1);
    }
    const [delivery] = await db().select().from(alertDeliveries).where(eq(alertDeliveries.alertId, alertId));
    expect(delivery).toMatchObject({ status: "failed", nextAttemptAt: null, lastError: "http_status" });
  });

  it("queues nothing while no receiver is configured", async () => {
    vi.stubEnv("ALERT_WEBHOOK_URL", "");
    vi.stubEnv("ALERT_WEBHOOK_SECRET", "");
    const { alertId } = await raise(acme);
    expect(await db().select().from(alertDeliveries).where(eq(alertDeliveries.alertId, alertId))).toEqual([]);
    expect(await db().select().from(securityAlerts).where(eq(securityAlerts.id, alertId))).toHaveLength(1);
    expect(await runAlertDeliveryJob(db(), clock)).toEqual({ delivered: 0, failed: 0 });
  });
});

describe("the alert webhook settings", () => {
  it.each([
    [{ ALERT_WEBHOOK_URL: "https://alerts.example.com/in" }, "ALERT_WEBHOOK_SECRET is not"],
    [{ ALERT_WEBHOOK_SECRET: SECRET }, "ALERT_WEBHOOK_URL is not"],
    [{ ALERT_WEBHOOK_URL: "alerts.example.com", ALERT_WEBHOOK_SECRET: SECRET }, "not a URL"],
    [{ ALERT_WEBHOOK_URL: "http://alerts.example.com/in", ALERT_WEBHOOK_SECRET: SECRET }, "must start with https://"],
    [{ ALERT_WEBHOOK_URL: "https://alerts.example.com/in", ALERT_WEBHOOK_SECRET: "hunter2" }, 'must be "whsec_"'],
    [
      { ALERT_WEBHOOK_URL: "https://alerts.example.com/in", ALERT_WEBHOOK_SECRET: "whsec_c2hvcnQ=" },
      "24 to 64 base64-encoded bytes",
    ],
  ])("refuses %j with a message that says what to fix", (values, message) => {
    vi.stubEnv("CONSOLE_ENV", "production");
    vi.stubEnv("ALERT_WEBHOOK_URL", "");
    vi.stubEnv("ALERT_WEBHOOK_SECRET", "");
    for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
    expect(() => alertWebhookSettings()).toThrow(message);
  });

  it("takes an https receiver with a Standard Webhooks secret, and neither setting at all", () => {
    vi.stubEnv("CONSOLE_ENV", "production");
    vi.stubEnv("ALERT_WEBHOOK_URL", "https://alerts.example.com/in");
    expect(alertWebhookSettings()).toEqual({ url: "https://alerts.example.com/in", secret: SECRET });
    vi.stubEnv("ALERT_WEBHOOK_URL", "");
    vi.stubEnv("ALERT_WEBHOOK_SECRET", "");
    expect(alertWebhookSettings()).toBeNull();
  });
});
