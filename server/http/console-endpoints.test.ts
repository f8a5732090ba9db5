import type http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { anonymousActor } from "../actor";
import { systemClock } from "../clock";
import { DEMO_PASSWORD } from "../demo/seed";
import { jobRunnerHeartbeat } from "../jobs/job-heartbeat";
import { startJobRunner } from "../jobs/job-runner";
import { metricsQueryObserver } from "../metrics/query-observer";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { signInWithPassword } from "../testing/sign-in";
import { consoleEndpoints } from "./console-endpoints";
import { createConsoleServer } from "./console-server";

const database = setUpTestDatabase({ observeQueries: metricsQueryObserver() });
const TOKEN = "metrics-token-for-tests-0123456789abcdef";
const servers: http.Server[] = [];

/** The console's HTTP server with its own endpoints on the test database, in front of an app that answers 418. */
async function serve(metricsToken: string | null): Promise<string> {
  const server = createConsoleServer(
    (_req, res) => {
      res.statusCode = 418;
      res.end();
    },
    {
      ownEndpoints: consoleEndpoints({
        database: async () => database.handle,
        metricsToken,
        mailBacklogLimit: 1_000,
        mailDelivered: false,
      }),
    },
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let origin = "";
beforeAll(async () => {
  origin = await serve(TOKEN);
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("/healthz and /readyz", () => {
  it("/healthz answers 200 while the process runs", async () => {
    const response = await fetch(`${origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("/readyz answers 503 with each check while no job runner beats, and 200 once one does", async () => {
    const waiting = await fetch(`${origin}/readyz`);
    expect(waiting.status).toBe(503);
    expect(await waiting.json()).toMatchObject({
      status: "not ready",
      checks: { database: { ok: true }, migrations: { ok: true }, jobRunner: { ok: false }, accepting: { ok: true } },
    });
    const stop = startJobRunner(database.handle.db, systemClock, [], 60_000);
    try {
      const ready = await fetch(`${origin}/readyz`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { status: string }).status).toBe("ready");
    } finally {
      stop();
    }
  });

  it("answer HEAD without a body, and refuse other methods", async () => {
    const head = await fetch(`${origin}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await fetch(`${origin}/readyz`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("leave every other path to the app", async () => {
    expect((await fetch(`${origin}/healthz/more`)).status).toBe(418);
    expect((await fetch(`${origin}/sign-in`)).status).toBe(418);
  });
});

describe("/metrics", () => {
  it("does not exist while METRICS_TOKEN is unset, and says how to turn it on", async () => {
    const response = await fetch(`${await serve(null)}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain("METRICS_TOKEN");
  });

  it("answers 401 without the token or with a wrong one", async () => {
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      TOKEN,
      "Basic Zm9vOmJhcg==",
    ]) {
      const response = await fetch(`${origin}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    }
  });

  it("names the console's series after a sign-in, a procedure call, a job run and requests", async () => {
    const { db } = database.handle;
    const ctx = { clock: systemClock, request: contextFor(db).request };
    expect(
      await signInWithPassword(db, ctx, { email: "manager@acme.example", password: DEMO_PASSWORD }),
    ).not.toBeNull();
    expect(await signInWithPassword(db, ctx, { email: "manager@acme.example", password: "wrong-password" })).toBeNull();
    const teamId = await demoTeamId(db, "Acme Corp");
    await createCaller(
      contextFor(db, await accountActor(db, "manager@acme.example", { mfaVerified: true })),
    ).teams.access({ teamId });
    await expect(createCaller(contextFor(db, anonymousActor)).teams.access({ teamId })).rejects.toThrow();
    let ran!: () => void;
    const jobRan = new Promise<void>((resolve) => (ran = resolve));
    const stop = startJobRunner(db, systemClock, [{ name: "test.job", run: async () => ran() }], 100);
    await jobRan;
    // The runner records the run as the job returns: one turn of the event loop later.
    await new Promise((resolve) => setImmediate(resolve));
    expect(jobRunnerHeartbeat()?.completedAt.has("test.job")).toBe(true);
    await fetch(`${origin}/healthz`);

    const response = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    stop();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const body = await response.text();
    for (const line of [
      "console_sign_in_successes_total 1",
      'console_sign_in_failures_total{step="password"} 1',
      'console_trpc_procedure_duration_seconds_count{procedure="teams.access",code="OK"} 1',
      'console_trpc_procedure_duration_seconds_count{procedure="teams.access",code="UNAUTHORIZED"} 1',
      'console_trpc_refusals_total{code="UNAUTHENTICATED"} 1',
      'console_job_runs_total{job="test.job"}',
      'console_job_lag_seconds{job="test.job"}',
      'console_http_request_duration_seconds_count{route="/healthz",method="GET",status="200"}',
      `console_db_pool_max_connections{driver="${database.handle.kind}"}`,
      'console_db_query_duration_seconds_count{outcome="ok"}',
      "console_db_queries_in_flight",
      "console_mail_outbox_backlog",
      "console_webhook_delivery_backlog",
      "console_alert_delivery_backlog",
      "console_open_support_sessions 0",
      "console_process_cpu_seconds_total",
      "console_nodejs_eventloop_lag_seconds",
    ])
      expect(body).toContain(line);
    expect(Number(/^console_active_sessions (\d+)$/m.exec(body)?.[1])).toBeGreaterThanOrEqual(1);
    expect(body).toContain("# HELP console_http_request_duration_seconds ");
  });
});
