import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditAnchors } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { systemActor } from "../actor";
import { cancelSubscription } from "../billing/cancel-subscription";
import { recordPayment } from "../billing/invoices";
import { runSubscriptionJob } from "../billing/renewal-job";
import { auditActions, contextAt, invoicesOf, subscriptionOf, teamOf, teamWithContract } from "../billing/test-support";
import { fixedClock } from "../clock";
import { type CaughtMail, startMailCatcher } from "../testing/mail-catcher";
import { type Job, jobIntervalMs, startJobRunner, stopJobRunners } from "./job-runner";
import { serverJobs } from "./jobs";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const INTERVAL = 5_000;

/** A promise with its resolve at hand, to hold a job and to hear that one ran. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The runner marks a tick finished right after its last job returns: one turn of the event loop later. */
async function afterTick(lastJobRan: Promise<void>) {
  await lastJobRan;
  await new Promise((resolve) => setImmediate(resolve));
}

/** Only the runner's interval is faked: the database and the mail server answer in real time. */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the job runner, with the jobs every server registers", () => {
  let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
  let received: CaughtMail[] = [];

  beforeAll(async () => {
    catcher = await startMailCatcher();
    received = catcher.received;
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.port}`;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await catcher.close();
  });

  it("registers the renewals, notices, purge, API key expiry reminders, account transfer expiry, audit head signing, mail retention, departed-user retention, forgetting spent sign-in counters, re-checking verified domains, running host operations, the host poll and metrics roll-up, forgetting API answers kept for retries, resuming suspended Claris Connect flows, dispatching events, forgetting old notifications, webhook delivery and its log's retention, security alert delivery and forgetting failed sign-in counters and, with SMTP configured, mail delivery", () => {
    expect(serverJobs().map((job) => job.name)).toEqual([
      "subscription.renewals",
      "billing.notices",
      "teams.retention-purge",
      "apiKeys.expiry-notices",
      "accountTransfers.expire",
      "audit.anchor-heads",
      "mail.deliver",
      "mail.retention",
      "teams.departed-user-retention",
      "auth.forget-counters",
      "sso.forget-sign-in-leftovers",
      "sso.recheck-domains",
      "hosts.operations",
      "hosts.poll",
      "hosts.metrics-rollup",
      "api.forget-idempotency-keys",
      "connect.resume-flows",
      "events.dispatch",
      "notifications.retention",
      "webhooks.deliver",
      "webhooks.retention",
      "alerts.deliver",
      "alerts.forget-counters",
    ]);
  });

  it("runs every one of them in a tick: a renewal, a reminder, a purge and the mail they send", async () => {
    // Due at the tick: a paid monthly renewal, a reminder 19 days before an annual renewal, and a purge.
    const renewing = await teamWithContract(db(), { at: "2025-01-10T00:00:00Z", billingPeriod: "monthly", seats: 5 });
    await recordPayment(db(), contextAt(systemActor("Tests"), renewing.clock), {
      teamId: renewing.teamId,
      invoiceId: (await invoicesOf(db(), renewing.teamId))[0]!.id,
    });
    const annual = await teamWithContract(db(), { at: "2024-03-01T00:00:00Z", billingPeriod: "annual", seats: 5 });
    await recordPayment(db(), contextAt(systemActor("Tests"), annual.clock), {
      teamId: annual.teamId,
      invoiceId: (await invoicesOf(db(), annual.teamId))[0]!.id,
    });
    const ended = await teamWithContract(db(), { at: "2024-11-01T00:00:00Z", billingPeriod: "monthly", seats: 5 });
    await cancelSubscription(db(), ended.ctx, { teamId: ended.teamId, expectedVersion: 1 });
    await runSubscriptionJob(db(), fixedClock("2024-12-01T00:00:00Z"));
    expect(await teamOf(db(), ended.teamId)).toMatchObject({ status: "terminated" });

    const tickFinished = deferred();
    const lastJob: Job = { name: "tick finished", run: async () => tickFinished.resolve() };
    const stop = startJobRunner(db(), fixedClock("2025-02-10T00:00:01Z"), [...serverJobs(), lastJob], INTERVAL);
    try {
      vi.advanceTimersByTime(INTERVAL);
      await afterTick(tickFinished.promise);
      const subjectsTo = (email: string) =>
        received.filter((m) => m.to.includes(email)).map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);
      await expect
        .poll(() => subjectsTo(renewing.owner.email), { timeout: 20_000 })
        .toContainEqual(expect.stringContaining("subscription renewed"));
      await expect
        .poll(() => subjectsTo(annual.owner.email), { timeout: 20_000 })
        .toContainEqual(expect.stringContaining("subscription renews on March 1, 2025"));
    } finally {
      stop();
    }

    expect((await subscriptionOf(db(), renewing.teamId)).currentPeriodEnd.toISOString()).toBe(
      "2025-03-10T00:00:00.000Z",
    );
    expect(await auditActions(db(), renewing.teamId)).toContain("subscription.renewed");
    expect(await teamOf(db(), ended.teamId)).toMatchObject({ status: "purged" });
    expect(await auditActions(db(), ended.teamId)).toContain("team.purged");
    const [signedHead] = await db().select().from(auditAnchors).where(eq(auditAnchors.teamId, renewing.teamId));
    expect(signedHead, "the tick signs the renewed team's audit head").toBeDefined();
  });
});

describe("the job runner", () => {
  it("goes on with the next job when one throws, and runs them all again on the next tick", async () => {
    const ran: string[] = [];
    let tickDone = deferred();
    const jobs: Job[] = [
      {
        name: "broken",
        async run() {
          ran.push("broken");
          throw new Error("the job failed");
        },
      },
      {
        name: "healthy",
        async run() {
          ran.push("healthy");
          tickDone.resolve();
        },
      },
    ];
    const stop = startJobRunner(db(), fixedClock("2025-01-01T00:00:00Z"), jobs, INTERVAL);
    try {
      vi.advanceTimersByTime(INTERVAL);
      await afterTick(tickDone.promise);
      expect(ran).toEqual(["broken", "healthy"]);
      tickDone = deferred();
      vi.advanceTimersByTime(INTERVAL);
      await afterTick(tickDone.promise);
      expect(ran).toEqual(["broken", "healthy", "broken", "healthy"]);
    } finally {
      stop();
    }
  });

  it("does not start a tick while the previous one still runs", async () => {
    let running = 0;
    let mostAtOnce = 0;
    let starts = 0;
    let release = deferred();
    let started = deferred();
    let tickDone = deferred();
    const jobs: Job[] = [
      {
        name: "slow",
        async run() {
          starts += 1;
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          started.resolve();
          await release.promise;
          running -= 1;
        },
      },
      { name: "last", run: async () => tickDone.resolve() },
    ];
    const stop = startJobRunner(db(), fixedClock("2025-01-01T00:00:00Z"), jobs, INTERVAL);
    try {
      vi.advanceTimersByTime(INTERVAL);
      await started.promise;
      // Four more intervals pass while the first run is held.
      vi.advanceTimersByTime(4 * INTERVAL);
      expect(starts).toBe(1);

      started = deferred();
      release.resolve();
      await afterTick(tickDone.promise);
      release = deferred();
      tickDone = deferred();
      // Once it has finished, the next interval starts the job again.
      vi.advanceTimersByTime(INTERVAL);
      await started.promise;
      expect(starts).toBe(2);
      release.resolve();
      await afterTick(tickDone.promise);
      expect(mostAtOnce).toBe(1);
    } finally {
      stop();
    }
  });

  it("stops when told to", async () => {
    let starts = 0;
    const stop = startJobRunner(
      db(),
      fixedClock("2025-01-01T00:00:00Z"),
      [
        {
          name: "counted",
          run: async () => {
            starts += 1;
          },
        },
      ],
      INTERVAL,
    );
    stop();
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(starts).toBe(0);
  });

  it("when stopped mid-tick, lets the running job finish, starts no other and resolves once it has returned", async () => {
    const ran: string[] = [];
    const started = deferred();
    const release = deferred();
    const jobs: Job[] = [
      {
        name: "in progress",
        async run() {
          started.resolve();
          await release.promise;
          ran.push("in progress");
        },
      },
      { name: "next", run: async () => ran.push("next") },
    ];
    startJobRunner(db(), fixedClock("2025-01-01T00:00:00Z"), jobs, INTERVAL);
    vi.advanceTimersByTime(INTERVAL);
    await started.promise;
    let stopped = false;
    const stopping = stopJobRunners().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;
    expect(ran).toEqual(["in progress"]);
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(ran).toEqual(["in progress"]);
  });
});

describe("JOB_INTERVAL_MS", () => {
  it("is 5 s when unset and the given milliseconds otherwise", () => {
    expect(jobIntervalMs(undefined)).toBe(5_000);
    expect(jobIntervalMs("")).toBe(5_000);
    expect(jobIntervalMs("250")).toBe(250);
  });

  it("refuses what is not a whole number of milliseconds from 100 to an hour", () => {
    for (const wrong of ["0", "99", "1.5", "soon", "3600001"])
      expect(() => jobIntervalMs(wrong)).toThrow(/JOB_INTERVAL_MS/);
  });
});
