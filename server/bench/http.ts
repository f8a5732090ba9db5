import { fork } from "node:child_process";
import autocannon from "autocannon";
import postgres from "postgres";
import { BENCH_MEMBERS, signInOverHttp, startBenchConsole } from "./bench-console";
import { goal } from "./goals";

/**
 * `npm run bench:http`: the console over HTTP, side by side in one run at 16 connections:
 * the framework's floor (a route that touches no database), members.list through /api/trpc,
 * the Users page as server-rendered HTML, and the same list query on a bare node:http server,
 * against a team of 100,000 members on a PostgreSQL database of the bench's own; and how many
 * statements the database ran per request of each.
 */
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3400);

// The jobs wait an hour, so every statement the database counts during a run is a request's.
const bench = await startBenchConsole({ port: PORT, members: BENCH_MEMBERS, env: { JOB_INTERVAL_MS: "3600000" } });

/**
 * Statements the console's database has run: each autocommit query is one transaction in its
 * statistics, read from another database so the reading does not count.
 */
const statistics = postgres(process.env.BENCH_DATABASE_URL!, { max: 1, onnotice: () => {} });
const benchDatabase = new URL(bench.databaseUrl).pathname.slice(1);
async function statementsRun(): Promise<number> {
  const read = async () =>
    Number(
      (
        await statistics`select xact_commit + xact_rollback as n from pg_stat_database where datname = ${benchDatabase}`
      )[0]!.n,
    );
  // An idle server reports its last counts within ten seconds: read until the figure holds that long.
  let last = await read();
  for (let reads = 0; reads < 10; reads++) {
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const now = await read();
    if (now === last) return now;
    last = now;
  }
  throw new Error("the database's statement count did not settle: something else is using the bench database");
}
const bare = fork("server/bench/bare-list-server.ts", [], {
  execArgv: ["--import", "tsx"],
  env: { ...process.env, DATABASE_URL: bench.databaseUrl, TEAM_ID: bench.teamId, PORT: String(PORT + 5) },
});
try {
  await new Promise((resolve) => bare.once("message", resolve));
  const cookie = await signInOverHttp(bench.base, { email: "manager@acme.example", password: "DemoPass-2026" });
  const input = encodeURIComponent(JSON.stringify({ json: { teamId: bench.teamId } }));
  const targets = [
    { label: "floor: GET /api/auth/csrf (no database)", url: `${bench.base}/api/auth/csrf` },
    { label: "members.list over /api/trpc", url: `${bench.base}/api/trpc/members.list?input=${input}`, cookie },
    { label: "Users page (server-rendered HTML)", url: `${bench.base}/teams/${bench.teamId}/users`, cookie },
    { label: "bare node:http + postgres, same query", url: `http://127.0.0.1:${PORT + 5}/` },
  ];
  console.log(`\nHTTP at ${CONNECTIONS} connections, ${SECONDS} s each, team of ${BENCH_MEMBERS} members\n`);
  const results = new Map<string, { rps: number; p50: number; p99: number; trips: number }>();
  const roundTrips = async (target: (typeof targets)[number]) => {
    const before = await statementsRun();
    for (let i = 0; i < 100; i++)
      await (await fetch(target.url, { headers: { cookie: target.cookie ?? "" } })).arrayBuffer();
    return ((await statementsRun()) - before) / 100;
  };
  for (const target of targets) {
    const headers = target.cookie ? { cookie: target.cookie } : undefined;
    await autocannon({ url: target.url, headers, connections: CONNECTIONS, duration: 2 }); // warm up
    const run = await autocannon({ url: target.url, headers, connections: CONNECTIONS, duration: SECONDS });
    if (run.non2xx || run.errors || run.timeouts) {
      throw new Error(`${target.label}: ${run.non2xx} non-2xx answers, ${run.errors} errors, ${run.timeouts} timeouts`);
    }
    const trips = target.url.startsWith(bench.base) ? await roundTrips(target) : 1;
    const figures = { rps: run.requests.average, p50: run.latency.p50, p99: run.latency.p99, trips };
    results.set(target.label, figures);
    console.log(
      `${target.label.padEnd(44)} ${figures.rps.toFixed(0).padStart(6)} req/s   p50 ${String(figures.p50).padStart(4)} ms   p99 ${String(figures.p99).padStart(4)} ms   ${trips.toFixed(1)} database round trips`,
    );
  }
  const [floor, list, page] = targets.map((target) => results.get(target.label)!);
  console.log("");
  goal(
    "members.list throughput ≥ 50% of the floor's",
    `${((list!.rps / floor!.rps) * 100).toFixed(0)}%`,
    list!.rps >= floor!.rps * 0.5,
  );
  goal(
    "Users page throughput ≥ 25% of the floor's",
    `${((page!.rps / floor!.rps) * 100).toFixed(0)}%`,
    page!.rps >= floor!.rps * 0.25,
  );
  goal("Users page p99 ≤ 250 ms", `${page!.p99} ms`, page!.p99 <= 250);
  goal("members.list: at most two database round trips", `${list!.trips.toFixed(1)}`, list!.trips <= 2);
} finally {
  bare.kill("SIGTERM");
  await statistics.end();
  await bench.stop();
}
