import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rowsOf } from "@/db/client";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { isDraining, startDraining } from "../http/draining";
import { type JobRunnerHeartbeat, jobRunnerHeartbeat } from "../jobs/job-heartbeat";
import { startJobRunner } from "../jobs/job-runner";
import { enqueueMails } from "../mail/enqueue-mail";
import { mailBacklogLimit, type ReadinessSources, readinessProbe } from "./readiness";
import { shippedMigrations } from "./shipped-migrations";

const database = setUpTestDatabase();
const MINUTE = 60_000;

function beating(beatAt = Date.now(), running: JobRunnerHeartbeat["running"] = null): JobRunnerHeartbeat {
  return { intervalMs: 5_000, beatAt, running, completedAt: new Map() };
}

function sources(overrides: Partial<ReadinessSources> = {}): ReadinessSources {
  return {
    database: async () => database.handle.db,
    shippedMigrations: shippedMigrations(),
    heartbeat: () => beating(),
    draining: () => false,
    mailDelivered: true,
    mailBacklogLimit: 1_000,
    ...overrides,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("/readyz's checks", () => {
  it("pass with a reachable, migrated database, a beating job runner, a short mail backlog, while accepting", async () => {
    const readiness = await readinessProbe(sources())();
    const shipped = shippedMigrations().length;
    expect(readiness.status).toBe("ready");
    expect(readiness.checks).toMatchObject({
      database: { ok: true, detail: "reachable" },
      migrations: { ok: true, applied: shipped, shipped },
      jobRunner: { ok: true, detail: "waiting" },
      mailBacklog: { ok: true, limit: 1_000 },
      accepting: { ok: true },
    });
  });

  it("fail when a shipped migration is not applied", async () => {
    const shipped = [...shippedMigrations(), { tag: "0099_future_change", when: Date.now() + MINUTE }];
    const readiness = await readinessProbe(sources({ shippedMigrations: shipped }))();
    expect(readiness.status).toBe("not ready");
    expect(readiness.checks.migrations).toEqual({
      ok: false,
      detail: "not applied: 0099_future_change",
      applied: shipped.length - 1,
      shipped: shipped.length,
    });
  });

  it("fail when the job runner's heartbeat is older than two minutes, or a job has run longer, or it never started", async () => {
    const now = Date.now();
    const stale = await readinessProbe(sources({ heartbeat: () => beating(now - 3 * MINUTE), now: () => now }))();
    expect(stale.status).toBe("not ready");
    expect(stale.checks.jobRunner).toEqual({ ok: false, detail: "no heartbeat for 180 s", heartbeatAgeSeconds: 180 });

    const stuck = beating(now, { job: "hosts.poll", since: now - 2 * MINUTE - 5_000 });
    const hanging = await readinessProbe(sources({ heartbeat: () => stuck, now: () => now }))();
    expect(hanging.checks.jobRunner).toMatchObject({
      ok: false,
      detail: "the job hosts.poll has been running for 125 s",
    });

    const busy = beating(now, { job: "hosts.poll", since: now - MINUTE });
    expect((await readinessProbe(sources({ heartbeat: () => busy, now: () => now }))()).checks.jobRunner).toEqual({
      ok: true,
      detail: "running hosts.poll",
      heartbeatAgeSeconds: 60,
    });

    const none = await readinessProbe(sources({ heartbeat: () => undefined }))();
    expect(none.checks.jobRunner).toEqual({ ok: false, detail: "the job runner has not started" });
  });

  it("fail when more mail is due and undelivered than the limit, unless mail is not delivered from here", async () => {
    const now = new Date();
    const [{ due }] = rowsOf<{ due: string }>(
      await database.handle.db.execute(
        sql`select count(*) as due from mail_outbox where sent_at is null and send_after <= ${now.toISOString()}::timestamptz`,
      ),
    ) as [{ due: string }];
    const limit = Number(due) + 2;
    const mail = { to: "backlog@acme.example", subject: "Queued", text: "Queued." };
    await enqueueMails(database.handle.db, [mail, mail, mail], new Date(now.getTime() - 1_000));

    const over = await readinessProbe(sources({ mailBacklogLimit: limit }))();
    expect(over.status).toBe("not ready");
    expect(over.checks.mailBacklog).toEqual({
      ok: false,
      detail: `more than ${limit} mails are due and undelivered`,
      due: limit + 1,
      limit,
    });
    const kept = await readinessProbe(sources({ mailBacklogLimit: limit, mailDelivered: false }))();
    expect(kept.checks.mailBacklog).toMatchObject({ ok: true, detail: expect.stringContaining("no SMTP_URL") });
  });

  it("fail when the database does not answer, naming only the error's code", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432 user=console"), {
      code: "ECONNREFUSED",
    });
    const readiness = await readinessProbe(sources({ database: () => Promise.reject(refused) }))();
    expect(readiness.status).toBe("not ready");
    expect(readiness.checks.database).toEqual({ ok: false, detail: "unreachable (ECONNREFUSED)" });
    expect(JSON.stringify(readiness)).not.toContain("10.0.0.5");
    expect(readiness.checks.migrations.ok).toBe(false);
  });

  it("ask the database at most once a second, however many probes come", async () => {
    let now = 1_000_000;
    let asked = 0;
    const probe = readinessProbe(
      sources({
        database: async () => {
          asked += 1;
          return database.handle.db;
        },
        now: () => now,
      }),
    );
    await Promise.all(Array.from({ length: 10 }, () => probe()));
    await probe();
    now += 999;
    await probe();
    expect(asked).toBe(1);
    now += 1;
    await probe();
    expect(asked).toBe(2);
  });
});

describe("the job runner's heartbeat", () => {
  it("stays fresh through an hour's interval, and goes stale when a job hangs for more than two minutes", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const stop = startJobRunner(
      database.handle.db,
      fixedClock("2025-01-01T00:00:00Z"),
      [{ name: "hangs", run: () => held }],
      60 * MINUTE,
    );
    const probe = readinessProbe(sources({ heartbeat: jobRunnerHeartbeat }));
    try {
      vi.advanceTimersByTime(59 * MINUTE);
      expect((await probe()).checks.jobRunner).toMatchObject({ ok: true, detail: "waiting" });
      // The hour is up: the job starts, and hangs.
      vi.advanceTimersByTime(MINUTE + 3 * MINUTE);
      expect((await probe()).checks.jobRunner).toMatchObject({
        ok: false,
        detail: "the job hangs has been running for 180 s",
      });
    } finally {
      release();
      stop();
    }
    expect(jobRunnerHeartbeat()).toBeUndefined();
  });
});

describe("MAIL_BACKLOG_LIMIT", () => {
  it("is 1000 when unset and the given number otherwise; anything else stops the start", () => {
    expect(mailBacklogLimit(undefined)).toBe(1_000);
    expect(mailBacklogLimit("250")).toBe(250);
    for (const wrong of ["0", "-1", "2.5", "many"]) expect(() => mailBacklogLimit(wrong)).toThrow(/MAIL_BACKLOG_LIMIT/);
  });
});

describe("draining", () => {
  it("makes the server refuse readiness once it starts, the other checks passing", async () => {
    const probe = readinessProbe(sources({ draining: isDraining }));
    expect((await probe()).status).toBe("ready");
    startDraining();
    const readiness = await probe();
    expect(readiness.status).toBe("not ready");
    expect(readiness.checks.accepting).toEqual({ ok: false, detail: "draining: the server is shutting down" });
    expect(readiness.checks.database.ok).toBe(true);
  });
});
