import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import type postgres from "postgres";
import { signInOverHttp } from "../server/bench/sign-in-over-http";
import { startMailCatcher } from "../server/testing/mail-catcher";
import { type ConsoleDatabase, consoleSecrets, createConsoleDatabase } from "./console-database";
import { type ConsoleProcess, startConsoleProcess } from "./console-process";

/**
 * Two app servers on one PostgreSQL database, as behind a load balancer: a session made on one
 * holds on the other, a change made on one shows on the other at once, and the background jobs
 * both run hand each piece of work to one of them only.
 */
const DEMO_PASSWORD = "DemoPass-2026";
// Ports of their own beside the journeys' server; each console also takes the next two (demo peers).
const portA = Number(process.env.E2E_PORT ?? 3210) + 10;
const portB = portA + 10;

let database: ConsoleDatabase | undefined;
let db: postgres.Sql;
let mail: Awaited<ReturnType<typeof startMailCatcher>>;
let a: ConsoleProcess | undefined;
let b: ConsoleProcess | undefined;
let acmeId: string;
let managerCookie: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  database = await createConsoleDatabase("two_servers");
  db = database.sql;
  mail = await startMailCatcher();
  const shared = {
    DATABASE_URL: database.url,
    ...consoleSecrets("kpair"),
    SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
    // Both servers run the jobs several times a second, so their runs overlap.
    JOB_INTERVAL_MS: "200",
    LOG_LEVEL: "warn",
  };
  // Together: one migrates and seeds the empty database, the other waits for it and finds it ready.
  [a, b] = await Promise.all([startConsoleProcess(portA, shared), startConsoleProcess(portB, shared)]);
  const [acme] = await db<{ id: string }[]>`select id from teams where name = 'Acme Corp'`;
  acmeId = acme!.id;
  managerCookie = await signInOverHttp(a.base, { email: "manager@acme.example", password: DEMO_PASSWORD });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await database?.drop();
  await mail?.close();
});

test.afterEach(async () => {
  const { status, expectedStatus } = test.info();
  if (status !== expectedStatus) {
    console.log(`server A:\n${a?.logTail()}\nserver B:\n${b?.logTail()}`);
  }
});

async function query(base: string, procedure: string, input: unknown, cookie?: string) {
  const encoded = encodeURIComponent(JSON.stringify({ json: input }));
  const response = await fetch(`${base}/api/trpc/${procedure}?input=${encoded}`, {
    headers: cookie ? { cookie } : {},
  });
  return { status: response.status, data: response.ok ? (await response.json()).result.data.json : undefined };
}

async function mutate(base: string, procedure: string, input: unknown, cookie: string) {
  const response = await fetch(`${base}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify({ json: input }),
  });
  expect(response.status, `${procedure}: ${await response.clone().text()}`).toBe(200);
}

/** Message-IDs the mail server received, each as often as it came. */
function receivedMessageIds(): string[] {
  return mail.received.map((caught) => /^Message-ID:\s*(<[^>]+>)/im.exec(caught.raw)?.[1] ?? "(none)");
}

test("servers started together on an empty database seed the demo once", async () => {
  const [seeded] = await db<{ teams: number; owners: number }[]>`
    select (select count(*)::int from teams where name = 'Acme Corp') as teams,
           (select count(*)::int from accounts where email = 'owner@acme.example') as owners`;
  expect(seeded).toEqual({ teams: 1, owners: 1 });
});

test("a session made on one server works on the other", async () => {
  const onB = await query(b!.base, "teams.access", { teamId: acmeId }, managerCookie);
  expect(onB.status).toBe(200);
  expect(onB.data.team.name).toBe("Acme Corp");
  expect((await query(b!.base, "teams.access", { teamId: acmeId })).status).toBe(401);

  // And the other way round, through the pages.
  const cookieFromB = await signInOverHttp(b!.base, { email: "member@acme.example", password: DEMO_PASSWORD });
  const page = await fetch(`${a!.base}/teams/${acmeId}/home`, { headers: { cookie: cookieFromB }, redirect: "manual" });
  expect(page.status).toBe(200);
});

test("a change made on one server shows on the other at once", async () => {
  await mutate(a!.base, "teams.rename", { teamId: acmeId, name: "Acme Corporation" }, managerCookie);
  expect((await query(b!.base, "teams.access", { teamId: acmeId }, managerCookie)).data.team.name).toBe(
    "Acme Corporation",
  );

  const [liam] = await db<{ id: string }[]>`
    select m.id from memberships m join accounts ac on ac.id = m.account_id
    where m.team_id = ${acmeId} and ac.email = 'liam.chen@acme.example'`;
  await mutate(
    b!.base,
    "members.changeRole",
    { teamId: acmeId, membershipId: liam!.id, role: "manager" },
    managerCookie,
  );
  const seenOnA = await query(a!.base, "members.get", { teamId: acmeId, membershipId: liam!.id }, managerCookie);
  expect(seenOnA.data.role).toBe("manager");
});

test("the jobs both servers run do each piece of work once", async () => {
  test.setTimeout(120_000);
  const [{ at: since } = { at: "" }] = await db<{ at: string }[]>`select now()::text as at`;
  // A team whose 45 days after termination are over, and every other paid subscription due for renewal.
  const [purged] = await db<{ id: string }[]>`
    update teams set status = 'terminated', terminated_at = now() - interval '46 days'
    where id = (select id from teams where id <> ${acmeId} and status <> 'purged' order by name limit 1)
    returning id`;
  const due = await db<{ id: string; team_id: string; renewal_key: string }[]>`
    update subscriptions set current_period_end = date_trunc('second', now()) - interval '1 minute'
    where status = 'active' and team_id <> ${purged!.id}
    returning id, team_id,
      'renewal:' || to_char(current_period_end at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as renewal_key`;
  expect(due.length).toBeGreaterThan(0);

  await expect
    .poll(
      async () => {
        const [row] = await db<{ renewed: number; purged: number; unsent: number }[]>`
          select
            (select count(*)::int from subscriptions where id in ${db(due.map((s) => s.id))}
              and current_period_end > now()) as renewed,
            (select count(*)::int from teams where id = ${purged!.id} and status = 'purged') as purged,
            (select count(*)::int from mail_outbox where sent_at is null) as unsent`;
        return row;
      },
      { timeout: 60_000 },
    )
    .toEqual({ renewed: due.length, purged: 1, unsent: 0 });

  // A mail made now goes out only in a run that began after everything above was done: by the
  // time it arrives, a second run of the same work would have shown.
  const sentinel = `pair-${randomBytes(3).toString("hex")}@partner.example`;
  await mutate(
    a!.base,
    "invitations.invite",
    {
      teamId: acmeId,
      emails: [sentinel],
      role: "member",
      licensed: false,
      groupIds: [],
    },
    managerCookie,
  );
  await expect.poll(() => mail.received.some((caught) => caught.to.includes(sentinel)), { timeout: 30_000 }).toBe(true);

  for (const subscription of due) {
    const [counts] = await db<{ events: number; invoices: number }[]>`
      select
        (select count(*)::int from audit_events
          where team_id = ${subscription.team_id} and action = 'subscription.renewed'
            and occurred_at >= ${since}::timestamptz) as events,
        (select count(*)::int from invoices
          where subscription_id = ${subscription.id} and idempotency_key = ${subscription.renewal_key}) as invoices`;
    expect(counts, `subscription ${subscription.id}`).toEqual({ events: 1, invoices: 1 });
  }
  const [purgeEvents] = await db<{ n: number }[]>`
    select count(*)::int as n from audit_events where team_id = ${purged!.id} and action = 'team.purged'`;
  expect(purgeEvents!.n).toBe(1);

  const ids = receivedMessageIds();
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  expect(twice, "mails received more than once").toEqual([]);
  const sent = await db<{ id: string }[]>`select id from mail_outbox where sent_at is not null`;
  expect(sent.length).toBeGreaterThan(0);
  for (const row of sent) expect(ids).toContain(`<${row.id}@customer-console>`);
});
