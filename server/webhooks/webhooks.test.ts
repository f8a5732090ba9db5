import { and, asc, desc, eq, gt } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { accounts, auditEvents, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DAY_MS } from "@/lib/time";
import { noRequest } from "../actor";
import { fixedClock } from "../clock";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import type { DispatchedEvent } from "../events/event-rule";
import { teamManagerAccountIds } from "../events/recipients";
import { webhookRules } from "../events/rules/webhooks";
import { createGroup } from "../groups/create-group";
import { inviteUsers } from "../invitations/invite-users";
import { demoTeamId } from "../testing/demo";
import { type HttpReceiver, type ReceivedRequest, signedWith, startHttpReceiver } from "../testing/http-receiver";
import { outcomeOf } from "../testing/procedures";
import { browserCaller, signInDemo } from "../testing/support-session";
import { createWebhookEndpoint } from "./create-endpoint";
import { runWebhookDeliveryJob } from "./deliver-webhooks-job";
import { runWebhookRetentionJob } from "./delivery-retention-job";
import { rotateWebhookSecret } from "./rotate-secret";
import { sendWebhookTestEvent } from "./send-test-event";
import { webhookSink } from "./webhook-sink";

const database = setUpTestDatabase();
const db = (): Database => database.handle.db;
const clock = fixedClock("2026-03-02T09:00:00Z");
let acme = "";
let manager: DomainContext;

let receiver: HttpReceiver;
let port = 0;
/** What the receiver got, each request's headers and exact body (the receiver's own array). */
let received: ReceivedRequest[] = [];

beforeAll(async () => {
  receiver = await startHttpReceiver();
  port = receiver.port;
  received = receiver.received;
  acme = await demoTeamId(db(), "Acme Corp");
  const [row] = await db().select().from(accounts).where(eq(accounts.email, "manager@acme.example"));
  manager = {
    actor: { kind: "account", accountId: row!.id, email: row!.email, sessionId: null, mfaVerified: true },
    clock,
    request: noRequest,
  };
});
afterAll(() => receiver.close());
beforeEach(() => {
  // A demo allows plain http on loopback, where the test's receiver listens.
  vi.stubEnv("CONSOLE_ENV", "demo");
  receiver.reset();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await db().delete(webhookEndpoints).where(eq(webhookEndpoints.teamId, acme));
});

/** A stand-in for the dispatcher: hands the team's events after `afterSeq` to the sink, in order. */
async function dispatch(afterSeq: number): Promise<number> {
  const events = await db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.teamId, acme), gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq));
  await db().transaction(async (tx) => {
    for (const event of events) await webhookSink.fanOut(tx, event as DispatchedEvent, clock.now());
  });
  return events.at(-1)?.seq ?? afterSeq;
}

async function headSeq(): Promise<number> {
  const [last] = await db()
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .where(eq(auditEvents.teamId, acme))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return last?.seq ?? 0;
}

async function addEndpoint(eventTypes: string[] = ["*"]) {
  return createWebhookEndpoint(db(), manager, { teamId: acme, url: `http://127.0.0.1:${port}/hooks`, eventTypes });
}

async function deliveriesOf(endpointId: string) {
  return db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
}

/** The refusal's key in the catalog, or "accepted". */
async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (error instanceof DomainError) return error.refusal.key;
    throw error;
  }
}

describe("a webhook delivery", () => {
  it("reaches the receiver signed with the endpoint's secret, carrying the event's public facts and no personal data", async () => {
    const endpoint = await addEndpoint(["member.invited"]);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const seq = await headSeq();
    await inviteUsers(db(), manager, {
      teamId: acme,
      emails: ["webhook.person@example.com"],
      role: "member",
      licensed: true,
      groupIds: [],
    });
    await dispatch(seq);
    await dispatch(seq);
    expect(await deliveriesOf(endpoint.id), "a second fan-out of the same event adds nothing").toHaveLength(1);

    expect(await runWebhookDeliveryJob(db(), clock)).toEqual({ delivered: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(signedWith(endpoint.secret, request!)).toBe(true);
    expect(request!.headers["webhook-timestamp"]).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    expect(request!.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      type: "member.invited",
      timestamp: expect.any(String),
      data: {
        teamId: acme,
        action: "invitation.created",
        actor: { type: "account" },
        target: { type: "invitation", id: expect.any(String) },
        after: { role: "member", licensed: true, groupIds: [] },
      },
    });
    expect(request!.body).not.toContain("webhook.person@example.com");
    expect(request!.body).not.toContain("manager@acme.example");

    const [delivery] = await deliveriesOf(endpoint.id);
    expect(request!.headers["webhook-id"]).toBe(delivery!.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastHttpStatus: 200 });
    expect(signedWith("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", request!)).toBe(false);
  });

  it("is retried with the same webhook-id after the receiver answers 500, on the schedule, and never again once delivered", async () => {
    const endpoint = await addEndpoint(["group.created"]);
    const seq = await headSeq();
    await createGroup(db(), manager, { teamId: acme, name: "Webhook retries" });
    await dispatch(seq);
    receiver.answers = [500, 503];

    await runWebhookDeliveryJob(db(), clock);
    const [first] = await deliveriesOf(endpoint.id);
    expect(first).toMatchObject({ status: "retrying", attempts: 1, lastHttpStatus: 500, lastError: "http_status" });
    // 5 s later, give or take a tenth.
    const wait = first!.nextAttemptAt!.getTime() - clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(4_500);
    expect(wait).toBeLessThanOrEqual(5_500);
    await runWebhookDeliveryJob(db(), clock);
    expect(received, "not due yet").toHaveLength(1);

    clock.advance(6_000);
    await runWebhookDeliveryJob(db(), clock);
    expect(received).toHaveLength(2);
    const [second] = await deliveriesOf(endpoint.id);
    const nextWait = second!.nextAttemptAt!.getTime() - clock.now().getTime();
    expect(nextWait, "then 5 minutes").toBeGreaterThanOrEqual(270_000);
    expect(nextWait).toBeLessThanOrEqual(330_000);

    clock.advance(6 * 60_000);
    await runWebhookDeliveryJob(db(), clock);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(new Set(received.map((r) => r.body)).size, "every attempt sends the same body").toBe(1);
    expect(received.every((r) => signedWith(endpoint.secret, r))).toBe(true);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: "delivered", attempts: 3 });

    clock.advance(DAY_MS);
    await runWebhookDeliveryJob(db(), clock);
    expect(received).toHaveLength(3);
  });

  it("is signed with both secrets for 24 hours after a rotation, then with the new one alone", async () => {
    const endpoint = await addEndpoint();
    const { secret: rotated } = await rotateWebhookSecret(db(), manager, {
      teamId: acme,
      webhookEndpointId: endpoint.id,
    });
    await sendWebhookTestEvent(db(), manager, { teamId: acme, webhookEndpointId: endpoint.id });
    await runWebhookDeliveryJob(db(), clock);
    const [during] = received;
    expect(String(during!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(signedWith(rotated, during!)).toBe(true);
    expect(signedWith(endpoint.secret, during!)).toBe(true);
    expect(JSON.parse(during!.body)).toMatchObject({ type: "webhook.test", data: { teamId: acme } });

    clock.advance(DAY_MS + 1000);
    await sendWebhookTestEvent(db(), manager, { teamId: acme, webhookEndpointId: endpoint.id });
    await runWebhookDeliveryJob(db(), clock);
    const after = received[1]!;
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(signedWith(rotated, after)).toBe(true);
    expect(signedWith(endpoint.secret, after)).toBe(false);
  });

  it("goes only to enabled endpoints of the event's team subscribed to its type", async () => {
    const groupsOnly = await addEndpoint(["group.created"]);
    const membersOnly = await addEndpoint(["member.removed"]);
    const disabled = await addEndpoint(["*"]);
    await db().update(webhookEndpoints).set({ enabled: false }).where(eq(webhookEndpoints.id, disabled.id));
    const seq = await headSeq();
    await createGroup(db(), manager, { teamId: acme, name: "Webhook fan-out" });
    await dispatch(seq);
    expect(await deliveriesOf(groupsOnly.id)).toHaveLength(1);
    expect(await deliveriesOf(membersOnly.id)).toHaveLength(0);
    expect(await deliveriesOf(disabled.id)).toHaveLength(0);
    // The platform's own events (sign-ins, account changes) belong to no team and are never sent.
    const platformEvent = { id: crypto.randomUUID(), teamId: null, action: "group.created" } as DispatchedEvent;
    await db().transaction((tx) => webhookSink.fanOut(tx, platformEvent, clock.now()));
    expect(await deliveriesOf(groupsOnly.id)).toHaveLength(1);
  });

  it("is removed from the log after 30 days", async () => {
    const endpoint = await addEndpoint();
    await sendWebhookTestEvent(db(), manager, { teamId: acme, webhookEndpointId: endpoint.id });
    clock.advance(29 * DAY_MS);
    await runWebhookRetentionJob(db(), clock);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    clock.advance(DAY_MS);
    await runWebhookRetentionJob(db(), clock);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
  });
});

describe("an endpoint URL", () => {
  it("in a private, loopback or link-local network is refused outside a demo, also by a name that resolves there", async () => {
    vi.stubEnv("CONSOLE_ENV", "production");
    for (const url of [
      "https://10.0.0.1/hooks",
      "https://169.254.169.254/latest/meta-data/",
      "https://192.168.1.20/hooks",
      "https://[::1]/hooks",
      "https://172.16.0.3/hooks",
      "https://[::ffff:10.0.0.1]/hooks",
      // A name whose DNS answer is a loopback address.
      "https://localhost/hooks",
    ]) {
      expect(await refusalOf(createWebhookEndpoint(db(), manager, { teamId: acme, url, eventTypes: ["*"] })), url).toBe(
        "webhookUrlPrivate",
      );
    }
    expect(
      await refusalOf(
        createWebhookEndpoint(db(), manager, { teamId: acme, url: "http://93.184.215.14/", eventTypes: ["*"] }),
      ),
    ).toBe("webhookUrlNotHttps");
    expect(
      await refusalOf(
        createWebhookEndpoint(db(), manager, { teamId: acme, url: `http://127.0.0.1:${port}/`, eventTypes: ["*"] }),
      ),
      "loopback over http is for demos",
    ).toBe("webhookUrlNotHttps");
  });

  it("is checked again at send time: an address that became private is not contacted", async () => {
    const endpoint = await createWebhookEndpoint(db(), manager, {
      teamId: acme,
      url: `http://localhost:${port}/hooks`,
      eventTypes: ["*"],
    });
    await sendWebhookTestEvent(db(), manager, { teamId: acme, webhookEndpointId: endpoint.id });
    // What a changed DNS answer or configuration looks like to the sender: the name now leads to a refused address.
    vi.stubEnv("CONSOLE_ENV", "production");
    await runWebhookDeliveryJob(db(), clock);
    expect(received).toHaveLength(0);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: "failed", lastError: "private_address" });
  });

  it("is allowed on a private address only when the operator names its host in OUTBOUND_ALLOWED_HOSTS", async () => {
    vi.stubEnv("CONSOLE_ENV", "production");
    vi.stubEnv("OUTBOUND_ALLOWED_HOSTS", "127.0.0.1");
    const endpoint = await createWebhookEndpoint(db(), manager, {
      teamId: acme,
      url: `http://127.0.0.1:${port}/hooks`,
      eventTypes: ["*"],
    });
    await sendWebhookTestEvent(db(), manager, { teamId: acme, webhookEndpointId: endpoint.id });
    await runWebhookDeliveryJob(db(), clock);
    expect(received).toHaveLength(1);
  });
});

describe("an endpoint whose deliveries keep failing", () => {
  it("is disabled after 3 days without a success, recorded by the system, and its team's managers are notified", async () => {
    const endpoint = await addEndpoint(["group.created"]);
    const seq = await headSeq();
    await createGroup(db(), manager, { teamId: acme, name: "Webhook failing" });
    await dispatch(seq);
    receiver.answers = Array.from({ length: 50 }, () => 500);
    const started = clock.now().getTime();

    for (let i = 0; i < 30; i++) {
      await runWebhookDeliveryJob(db(), clock);
      const [delivery] = await deliveriesOf(endpoint.id);
      if (delivery!.status === "failed") break;
      clock.set(delivery!.nextAttemptAt!);
    }
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", nextAttemptAt: null });
    expect(delivery!.attempts).toBe(received.length);
    expect(delivery!.lastAttemptAt!.getTime() - started, "retried for the whole 3 days").toBe(3 * DAY_MS);

    const [disabled] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "failing" });
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, acme), eq(auditEvents.action, "webhook.endpoint_disabled")));
    expect(event).toMatchObject({ actorType: "system", targetType: "webhook_endpoint", targetId: endpoint.id });

    // Nothing more is sent to a disabled endpoint, not even a test.
    expect(await refusalOf(sendWebhookTestEvent(db(), manager, { teamId: acme, webhookEndpointId: endpoint.id }))).toBe(
      "webhookEndpointDisabledCannotSend",
    );
    const seqAfter = await headSeq();
    await createGroup(db(), manager, { teamId: acme, name: "Webhook after disabling" });
    await dispatch(seqAfter);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);

    const [rule] = webhookRules;
    expect(rule!.action).toBe("webhook.endpoint_disabled");
    const drafts = await db().transaction((tx) => rule!.notify(tx, event as DispatchedEvent));
    const managers = await teamManagerAccountIds(db(), acme);
    expect(managers.length).toBeGreaterThan(1);
    expect(drafts.map((d) => d.accountId).sort()).toEqual([...managers].sort());
    expect(drafts[0]).toMatchObject({
      kind: "webhook_endpoint_disabled",
      teamId: acme,
      params: { endpoint: `127.0.0.1:${port}` },
      link: `/teams/${acme}/settings/webhooks/${endpoint.id}`,
    });
  });

  it("is not disabled while another delivery succeeds in between", async () => {
    const endpoint = await addEndpoint(["*"]);
    receiver.answers = [500];
    await sendWebhookTestEvent(db(), manager, { teamId: acme, webhookEndpointId: endpoint.id });
    await runWebhookDeliveryJob(db(), clock);
    clock.advance(2 * DAY_MS);
    await sendWebhookTestEvent(db(), manager, { teamId: acme, webhookEndpointId: endpoint.id });
    await runWebhookDeliveryJob(db(), clock);
    receiver.answers = [500];
    clock.advance(2 * DAY_MS);
    await sendWebhookTestEvent(db(), manager, { teamId: acme, webhookEndpointId: endpoint.id });
    await runWebhookDeliveryJob(db(), clock);
    const [row] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row).toMatchObject({ enabled: true });
  });
});

describe("webhook endpoints through the router", () => {
  it("are out of sight and reach of a manager of another team", async () => {
    const endpoint = await addEndpoint();
    const { deliveryId } = await sendWebhookTestEvent(db(), manager, { teamId: acme, webhookEndpointId: endpoint.id });
    const initech = await demoTeamId(db(), "Initech");
    const other = await browserCaller(db(), clock, {
      sessionId: await signInDemo(db(), clock, "manager@initech.example"),
    });
    const ids = { webhookEndpointId: endpoint.id };
    const codes = await Promise.all(
      [
        other.webhooks.list({ teamId: acme }),
        other.webhooks.get({ teamId: acme, ...ids }),
        other.webhooks.get({ teamId: initech, ...ids }),
        other.webhooks.deliveries({ teamId: initech, ...ids }),
        other.webhooks.rotateSecret({ teamId: initech, ...ids }),
        other.webhooks.setEnabled({ teamId: initech, ...ids, enabled: false }),
        other.webhooks.sendTest({ teamId: initech, ...ids }),
        other.webhooks.resend({ teamId: initech, ...ids, webhookDeliveryId: deliveryId }),
        other.webhooks.delete({ teamId: initech, ...ids }),
      ].map(async (call) => {
        const outcome = await outcomeOf(call);
        return outcome.ok ? "answered" : outcome.error.code;
      }),
    );
    expect(codes).toEqual(Array(9).fill("NOT_FOUND"));
    expect(await other.webhooks.list({ teamId: initech })).toEqual([]);
    const [row] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row).toMatchObject({ enabled: true, secretEncrypted: expect.any(String) });
  });

  it("never hand back a secret after it was first shown", async () => {
    const owner = await browserCaller(db(), clock, { sessionId: await signInDemo(db(), clock, "owner@acme.example") });
    const created = await owner.webhooks.create({
      teamId: acme,
      url: `http://127.0.0.1:${port}/hooks`,
      eventTypes: ["group.created", "member.invited"],
      description: "ERP",
    });
    const [stored] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id));
    expect(stored!.secretEncrypted).not.toContain(created.secret.slice(6));
    const listed = JSON.stringify([
      await owner.webhooks.list({ teamId: acme }),
      await owner.webhooks.get({ teamId: acme, webhookEndpointId: created.id }),
    ]);
    expect(listed).not.toContain(created.secret);
    expect(listed).not.toContain(stored!.secretEncrypted);
    expect((await owner.webhooks.get({ teamId: acme, webhookEndpointId: created.id })).eventTypes).toEqual([
      "member.invited",
      "group.created",
    ]);
  });
});
