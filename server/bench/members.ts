import { eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { accounts, teams } from "@/db/schema";
import { noRequest } from "../actor";
import { systemClock } from "../clock";
import { logger } from "../logger";
import { encodeMemberCursor } from "../members/member-order";
import { createCaller } from "../routers/root";
import { openBenchDatabase } from "./bench-database";
import { fillBenchTeam } from "./fill-members";
import { measure, report } from "./stats";

/**
 * Team administration at scale: a team of 100,000 memberships and 1,000 groups, its list
 * calls through the tRPC caller beside the same query in hand-written SQL, the CSV export
 * of everyone and a 10,000-row CSV import, on a fresh database of the bench's own.
 */

const MEMBERS = 100_000;
const GROUPS = 1_000;
const RUNS = 200;
const { handle, drop, label } = await openBenchDatabase("cc_bench_members");

try {
  const { db } = handle;
  console.log(`\nteam administration at scale, database: ${label}`);

  const [acme] = await db.select().from(teams).where(eq(teams.name, "Acme Corp"));
  const [manager] = await db.select().from(accounts).where(eq(accounts.email, "manager@acme.example"));
  const teamId = acme!.id;
  const caller = createCaller({
    db,
    clock: systemClock,
    request: noRequest,
    log: logger,
    actor: { kind: "account", accountId: manager!.id, email: manager!.email, sessionId: null, mfaVerified: false },
  });

  const filled = performance.now();
  await fillBenchTeam(db, teamId, { members: MEMBERS, groups: GROUPS });
  console.log(
    `filled ${MEMBERS} memberships and ${GROUPS} groups in ${((performance.now() - filled) / 1000).toFixed(1)} s\n`,
  );

  const groupIds = rowsOf<{ id: string }>(
    await db.execute(
      sql`select id from groups where team_id = ${teamId}::uuid and name like 'Bench group %' order by name`,
    ),
  ).map((g) => g.id);
  const deep = rowsOf<{ key: string; id: string }>(
    await db.execute(sql`
      select lower(a.name) as key, a.id from memberships m join accounts a on a.id = m.account_id
      where m.team_id = ${teamId}::uuid order by lower(a.name), a.id offset 90000 limit 1`),
  )[0]!;
  const deepCursor = encodeMemberCursor({ sort: "name", key: deep.key, id: deep.id });
  const fragment = (i: number) => `user${(i * 7919) % MEMBERS}@`;
  const columns = sql.raw(`m.id, a.id as account_id, a.name, a.email, m.role, m.licensed, m.status,
    coalesce(a.managed_by_team_id = m.team_id, false) as managed, a.totp_enabled_at is not null as two_step, a.last_sign_in_at`);
  const from = sql.raw(`from memberships m join accounts a on a.id = m.account_id`);

  const cases: Array<{
    label: string;
    trpc: (i: number) => Promise<unknown>;
    sql: (i: number) => ReturnType<typeof sql>;
  }> = [
    {
      label: "users, first page by name",
      trpc: () => caller.members.list({ teamId }),
      sql: () => sql`select ${columns} ${from} where m.team_id = ${teamId}::uuid order by lower(a.name), a.id limit 51`,
    },
    {
      label: "users, search by email fragment",
      trpc: (i) => caller.members.list({ teamId, search: fragment(i) }),
      sql: (i) => sql`select ${columns} ${from} where m.team_id = ${teamId}::uuid
        and (lower(a.name) like ${`%${fragment(i)}%`} or lower(a.email) like ${`%${fragment(i)}%`})
        order by lower(a.name), a.id limit 51`,
    },
    {
      label: "users, page after row 90,000",
      trpc: () => caller.members.list({ teamId, after: deepCursor }),
      sql: () => sql`select ${columns} ${from} where m.team_id = ${teamId}::uuid
        and (lower(a.name), a.id) > (${deep.key}::text, ${deep.id}::uuid) order by lower(a.name), a.id limit 51`,
    },
    {
      label: "users, sorted by last sign-in",
      trpc: () => caller.members.list({ teamId, sort: "lastSignIn", direction: "desc" }),
      sql: () => sql`select ${columns} ${from} where m.team_id = ${teamId}::uuid
        order by coalesce(a.last_sign_in_at, '-infinity'::timestamptz) desc, a.id desc limit 51`,
    },
    {
      label: "one group's members",
      trpc: (i) => caller.members.list({ teamId, groupId: groupIds[i % GROUPS]! }),
      sql: (i) => sql`select ${columns} ${from} where m.team_id = ${teamId}::uuid
        and exists (select 1 from group_memberships gm where gm.team_id = ${teamId}::uuid and gm.group_id = ${groupIds[i % GROUPS]!}::uuid and gm.membership_id = m.id)
        order by lower(a.name), a.id limit 51`,
    },
  ];

  for (const c of cases) {
    await measure(20, c.trpc); // warm up the plan cache and the buffer pool
    const viaTrpc = await measure(RUNS, c.trpc);
    const viaSql = await measure(RUNS, (i) => db.execute(c.sql(i)));
    report(c.label, viaTrpc);
    report("  the same in hand-written SQL", viaSql);
    console.log(
      `${"  ratio tRPC / SQL".padEnd(44)} p50 ${(viaTrpc.p50 / viaSql.p50).toFixed(2)}×   p95 ${(viaTrpc.p95 / viaSql.p95).toFixed(2)}×`,
    );
  }

  const plan = rowsOf<Record<string, string>>(
    await db.execute(sql`explain select ${columns} ${from} where m.team_id = ${teamId}::uuid
      and (lower(a.name) like '%user4242@%' or lower(a.email) like '%user4242@%') order by lower(a.name), a.id limit 51`),
  ).map((row) => Object.values(row)[0]);
  console.log(`\nplan of the search:\n${plan.map((line) => `  ${line}`).join("\n")}\n`);

  for (const [label, view] of [
    ["export CSV, one group (~100 rows)", { groupId: groupIds[0]! }],
    ["export CSV, a search (22,000 rows)", { search: "@bench1" }],
    [`export CSV, all ${MEMBERS}`, {}],
  ] as const) {
    let rows = -1;
    let bytes = 0;
    const started = performance.now();
    for await (const chunk of await caller.members.exportCsv({ teamId, ...view })) {
      bytes += chunk.length;
      rows += chunk.split("\r\n").length - 1;
    }
    const ms = performance.now() - started;
    // A second pass, untimed, collects garbage after every chunk: what remains is what the export holds.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    for await (const _chunk of await caller.members.exportCsv({ teamId, ...view })) {
      gc?.();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const held = gc
      ? `held at most +${((peak - heapBefore) / 1e6).toFixed(2)} MB of heap`
      : "run with --expose-gc for memory";
    console.log(`${label.padEnd(44)} ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms, ${held}`);
  }

  const csv = [
    "email,name,role,licensed,groups",
    ...Array.from(
      { length: 10_000 },
      (_, i) =>
        `import${i}@import.example,Imported ${i},member,${i % 2 ? "yes" : "no"},Bench group ${(i % GROUPS) + 1}`,
    ),
  ].join("\n");
  const importStarted = performance.now();
  let finished: unknown;
  for await (const progress of await caller.members.importCsv({ teamId, csv })) finished = progress;
  console.log(
    `${"import CSV, 10,000 rows".padEnd(44)} ${((performance.now() - importStarted) / 1000).toFixed(2)} s  ${JSON.stringify(finished)}`,
  );
  const againStarted = performance.now();
  for await (const progress of await caller.members.importCsv({ teamId, csv })) finished = progress;
  console.log(
    `${"import CSV, the same 10,000 rows again".padEnd(44)} ${((performance.now() - againStarted) / 1000).toFixed(2)} s  ${JSON.stringify(finished)}`,
  );
} finally {
  await handle.close();
  await drop();
}
