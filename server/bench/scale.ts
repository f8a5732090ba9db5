import { eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { teams } from "@/db/schema";
import { verifyAuditChain } from "../audit/verify-chain";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { openBenchDatabase } from "./bench-database";
import { fillAuditChain } from "./fill-audit";
import { fillTeams } from "./fill-teams";
import { goal } from "./goals";
import { measure } from "./stats";

/**
 * A million accounts: the staff console's team search over 20,000 teams, and one team's audit
 * log of a million hash-chained events (its pages, chain verification and export), on a
 * PostgreSQL database of the bench's own. BENCH_SCALE shrinks both (0.1: a tenth) for a quick run.
 */

const scale = Number(process.env.BENCH_SCALE ?? 1);
const ACCOUNTS = Math.round(1_000_000 * scale);
const TEAMS = Math.round(20_000 * scale);
const AUDIT_EVENTS = Math.round(1_000_000 * scale);
const AUDIT_DAYS = 365;
const RUNS = 100;
const SEARCH_P95_MS = 100;
const AUDIT_PAGE_P95_MS = 50;
const VERIFY_EVENTS_PER_S = 100_000;
const FLAT_HEAP_MB = 32;

process.env.BENCH_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const { handle, drop, label, databaseUrl } = await openBenchDatabase("cc_bench_scale");
const gc = (globalThis as { gc?: () => void }).gc;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

try {
  const { db } = handle;
  console.log(`\na million accounts, database: ${label}`);

  const [acme] = await db.select().from(teams).where(eq(teams.name, "Acme Corp"));
  const teamId = acme!.id;

  let started = performance.now();
  await fillTeams(db, { teams: TEAMS, accounts: ACCOUNTS });
  console.log(`filled ${ACCOUNTS} accounts in ${TEAMS} teams in ${seconds(started)}`);
  started = performance.now();
  const { headSeq, firstAt } = await fillAuditChain(db, databaseUrl, teamId, { count: AUDIT_EVENTS, days: AUDIT_DAYS });
  console.log(`filled ${AUDIT_EVENTS} audit events (chain head ${headSeq}) in ${seconds(started)}\n`);

  const staff = createCaller(contextFor(db, await accountActor(db, "support@console.example", { mfaVerified: true })));
  const sample = rowsOf<{ id: string; name: string; email: string }>(
    await db.execute(sql`
      select t.id, t.name, a.email from teams t
      join memberships m on m.team_id = t.id and m.role = 'owner' join accounts a on a.id = m.account_id
      where t.name ~ ' [A-Z][0-9a-z]{4} ' order by md5(t.id::text) limit 200`),
  );
  const pick = (i: number) => sample[i % sample.length]!;
  const searches: Array<[string, (i: number) => string]> = [
    // Every other run a word pair that dozens of teams share, else one team's own word.
    [
      "team search by name fragment",
      (i) => (i % 2 ? pick(i).name.split(" ").slice(0, 2).join(" ") : pick(i).name.split(" ")[2]!.toLowerCase()),
    ],
    ["team search by Team ID", (i) => pick(i).id],
    ["team search by owner email fragment", (i) => (i % 2 ? pick(i).email : pick(i).email.split("@")[0]!)],
  ];
  for (const [name, query] of searches) {
    const found = await staff.staffConsole.searchTeams({ query: query(1) });
    if (!found.length) throw new Error(`${name} found nothing for ${query(1)}`);
    await measure(10, (i) => staff.staffConsole.searchTeams({ query: query(i) }));
    const result = await measure(RUNS, (i) => staff.staffConsole.searchTeams({ query: query(i) }));
    goal(
      `${name} p95 ≤ ${SEARCH_P95_MS} ms`,
      `p95 ${result.p95.toFixed(1)} ms (p50 ${result.p50.toFixed(1)})`,
      result.p95 <= SEARCH_P95_MS,
    );
  }

  const manager = createCaller(contextFor(db, await accountActor(db, "manager@acme.example")));
  const day = (n: number) => new Date(firstAt.getTime() + n * 86_400_000);
  const pages: Array<[string, (i: number) => Parameters<typeof manager.audit.list>[0]]> = [
    ["audit log, first page", () => ({ teamId })],
    ["audit log, page at the middle of the chain", (i) => ({ teamId, beforeSeq: Math.floor(headSeq / 2) + i })],
    ["audit log, by a frequent action", () => ({ teamId, action: "membership.added" })],
    ["audit log, by a rare action", () => ({ teamId, action: "team.renamed" })],
    ["audit log, by a frequent actor", () => ({ teamId, actorLabel: "person0@acme.example" })],
    ["audit log, by a rare actor", (i) => ({ teamId, actorLabel: `person${290 + (i % 10)}@acme.example` })],
    ["audit log, by one day", (i) => ({ teamId, from: day(100 + (i % 200)), to: day(101 + (i % 200)) })],
    ["audit log, by a month in the middle", (i) => ({ teamId, from: day(150 + (i % 30)), to: day(180 + (i % 30)) })],
    ["audit log, by the first half year", () => ({ teamId, from: day(0), to: day(AUDIT_DAYS / 2) })],
    [
      "audit log, by action and a month",
      (i) => ({ teamId, action: "api_key.created", from: day(150 + (i % 30)), to: day(180 + (i % 30)) }),
    ],
  ];
  for (const [name, input] of pages) {
    await measure(10, (i) => manager.audit.list(input(i)));
    const result = await measure(RUNS, (i) => manager.audit.list(input(i)));
    goal(
      `${name} p95 ≤ ${AUDIT_PAGE_P95_MS} ms`,
      `p95 ${result.p95.toFixed(1)} ms (p50 ${result.p50.toFixed(1)})`,
      result.p95 <= AUDIT_PAGE_P95_MS,
    );
  }
  // The Audit log page also fills its actor and action menus from the whole log.
  await measure(10, () => manager.audit.facets({ teamId }));
  const facets = await measure(RUNS, () => manager.audit.facets({ teamId }));
  goal(
    `audit log, its filter menus p95 ≤ ${AUDIT_PAGE_P95_MS} ms`,
    `p95 ${facets.p95.toFixed(1)} ms (p50 ${facets.p50.toFixed(1)})`,
    facets.p95 <= AUDIT_PAGE_P95_MS,
  );

  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 5);
  started = performance.now();
  const verdict = await verifyAuditChain(db, teamId);
  const verifySeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (!verdict.valid) throw new Error(`the filled chain does not verify: ${JSON.stringify(verdict)}`);
  const rate = verdict.events / verifySeconds;
  goal(
    `chain verification ≥ ${VERIFY_EVENTS_PER_S / 1000}k events/s`,
    `${(rate / 1000).toFixed(0)}k events/s (${verdict.events} in ${verifySeconds.toFixed(1)} s, heap peak +${((heapPeak - heapBefore) / 1e6).toFixed(0)} MB)`,
    rate >= VERIFY_EVENTS_PER_S,
  );

  let rows = -1;
  let bytes = 0;
  started = performance.now();
  for await (const chunk of await manager.audit.export({ teamId, format: "csv" })) {
    bytes += chunk.length;
    rows += chunk.split("\r\n").length - 1;
  }
  const exportSeconds = (performance.now() - started) / 1000;
  // A second pass, untimed, collects garbage after every chunk: what remains is what the export holds.
  gc?.();
  const exportBefore = process.memoryUsage().heapUsed;
  let exportPeak = exportBefore;
  for await (const _chunk of await manager.audit.export({ teamId, format: "csv" })) {
    gc?.();
    exportPeak = Math.max(exportPeak, process.memoryUsage().heapUsed);
  }
  const held = (exportPeak - exportBefore) / 1e6;
  goal(
    `audit export (CSV) holds ≤ ${FLAT_HEAP_MB} MB of heap`,
    gc
      ? `+${held.toFixed(1)} MB held; ${rows} rows, ${(bytes / 1e6).toFixed(0)} MB in ${exportSeconds.toFixed(1)} s (${(rows / exportSeconds / 1000).toFixed(0)}k rows/s)`
      : "run with --expose-gc",
    Boolean(gc) && held <= FLAT_HEAP_MB,
  );
} finally {
  await handle.close();
  await drop();
}
