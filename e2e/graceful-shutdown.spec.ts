import { expect, test } from "@playwright/test";
import type postgres from "postgres";
import { signInOverHttp } from "../server/bench/sign-in-over-http";
import { type ConsoleDatabase, consoleSecrets, createConsoleDatabase } from "./console-database";
import { type ConsoleProcess, startConsoleProcess } from "./console-process";

/**
 * A server told to stop (SIGTERM, as an orchestrator does before replacing it) while a CSV
 * import and a subscription renewal are under way: it takes no new connection, finishes both,
 * then exits. Each is held at its audit record by a lock this test keeps on the team's chain,
 * so the signal lands in the middle of both for certain.
 */
const DEMO_PASSWORD = "DemoPass-2026";
const ROWS = 1_200;
const port = Number(process.env.E2E_PORT ?? 3210) + 40;

let database: ConsoleDatabase | undefined;
let db: postgres.Sql;
let server: ConsoleProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  database = await createConsoleDatabase("shutdown", 3);
  db = database.sql;
  server = await startConsoleProcess(port, {
    DATABASE_URL: database.url,
    ...consoleSecrets("kshut"),
    JOB_INTERVAL_MS: "200",
    LOG_LEVEL: "info",
  });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await server?.stop();
  await database?.drop();
});

test.afterEach(async () => {
  const { status, expectedStatus } = test.info();
  if (status !== expectedStatus) console.log(`server:\n${server?.logTail()}`);
});

async function teamId(name: string): Promise<string> {
  const [team] = await db<{ id: string }[]>`select id from teams where name = ${name}`;
  return team!.id;
}

/** Backends of the console waiting for one of these audit chains' locks. */
async function waitingOnChains(chainKeys: string[]): Promise<number> {
  const [row] = await db<{ waiting: number }[]>`
    select count(*)::int as waiting
    from pg_locks held
    join (select hashtextextended(key, 0) as hash from unnest(${chainKeys}::text[]) as key) chain
      on held.locktype = 'advisory'
     and held.classid::bigint = (chain.hash >> 32) & x'FFFFFFFF'::bigint
     and held.objid::bigint = chain.hash & x'FFFFFFFF'::bigint
    where not held.granted and held.database = (select oid from pg_database where datname = current_database())`;
  return row!.waiting;
}

test("a server stopped during a CSV import and a renewal finishes both, then exits", async () => {
  test.setTimeout(240_000);
  const console_ = server!;
  const importTeam = await teamId("Kramerica");
  const renewalTeam = await teamId("Vandelay Industries");
  const cookie = await signInOverHttp(console_.base, { email: "manager@kramerica.example", password: DEMO_PASSWORD });

  // The test holds both chains: the import's first batch and the renewal each wait at their audit record.
  const chainKeys = [`audit:${importTeam}`, `audit:${renewalTeam}`];
  const holder = await db.reserve();
  for (const key of chainKeys) await holder`select pg_advisory_lock(hashtextextended(${key}, 0))`;

  const csv = ["email,name,role,licensed,groups"]
    .concat(Array.from({ length: ROWS }, (_, i) => `shutdown.${i}@kramerica.example,Person ${i},member,no,`))
    .join("\n");
  const importing = fetch(`${console_.base}/teams/${importTeam}/users/import?step=import`, {
    method: "POST",
    headers: { cookie, "content-type": "text/csv", origin: console_.base, "sec-fetch-site": "same-origin" },
    body: csv,
  }).then(async (response) => ({ status: response.status, body: await response.text() }));
  await db`update subscriptions set current_period_end = now() - interval '1 minute' where team_id = ${renewalTeam}`;
  await expect.poll(() => waitingOnChains(chainKeys), { timeout: 60_000 }).toBe(2);

  console_.signal("SIGTERM");
  await expect.poll(() => console_.logTail(), { timeout: 10_000 }).toContain("shutting down: no new connections");
  // Draining: a new connection is refused while the two are still held.
  await expect(fetch(`${console_.base}/sign-in`)).rejects.toThrow();
  expect(await Promise.race([console_.exited.then(() => "exited"), Promise.resolve("running")])).toBe("running");

  for (const key of chainKeys) await holder`select pg_advisory_unlock(hashtextextended(${key}, 0))`;
  holder.release();

  const imported = await importing;
  expect(imported.status).toBe(200);
  const lines = imported.body
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  expect(lines.at(-1)).toMatchObject({ kind: "finished", invited: ROWS, skipped: 0 });
  expect(await console_.exited).toBe(0);
  expect(console_.logTail()).toContain('"complete":true');

  const [invitations] = await db<{ count: number }[]>`
    select count(*)::int as count from invitations
    where team_id = ${importTeam} and email like 'shutdown.%@kramerica.example'`;
  expect(invitations!.count).toBe(ROWS);
  const [subscriptionAfter] = await db<{ periodEnd: Date }[]>`
    select current_period_end as "periodEnd" from subscriptions where team_id = ${renewalTeam}`;
  expect(subscriptionAfter!.periodEnd.getTime()).toBeGreaterThan(Date.now());
  const renewals = await db<{ action: string }[]>`
    select action from audit_events where team_id = ${renewalTeam} and action = 'subscription.renewed'`;
  expect(renewals).toHaveLength(1);
  const [renewalInvoices] = await db<{ count: number }[]>`
    select count(*)::int as count from invoices where team_id = ${renewalTeam} and idempotency_key like 'renewal:%'`;
  expect(renewalInvoices!.count).toBe(1);
});
