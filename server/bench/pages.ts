import { startBareNextPage } from "./bare-next-page";
import { BENCH_MEMBERS, signInOverHttp, startBenchConsole } from "./bench-console";
import { goal } from "./goals";
import { openLighthouse, type PageAudit } from "./lighthouse-run";

/**
 * `npm run bench:pages`: the console's main pages in headless Chromium, measured by Lighthouse
 * (desktop preset), as a team manager of the 100,000-member Acme Corp sees them, beside a bare
 * Next page of the same stack for first-load JavaScript.
 */
const PORT = Number(process.env.BENCH_PORT ?? 3450);
const JS_ALLOWANCE = 1.25;
/** Runs per page; the run with the median performance score is reported (Lighthouse's own advice on a noisy machine). */
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const bench = await startBenchConsole({ port: PORT, members: BENCH_MEMBERS });
const lighthouse = await openLighthouse();
try {
  const floor = await measureBarePage();
  const cookie = await signInOverHttp(bench.base, { email: "manager@acme.example", password: "DemoPass-2026" });
  const team = `${bench.base}/teams/${bench.teamId}`;
  const pages = [
    { name: "Sign in", url: `${bench.base}/sign-in` },
    { name: "Home", url: `${team}/home`, cookie },
    { name: "Users", url: `${team}/users`, cookie },
    { name: "Subscription", url: `${team}/subscription`, cookie },
    { name: "Audit log", url: `${team}/audit`, cookie },
  ];
  // A first request compiles nothing in production but fills the server's caches: warm each page once.
  for (const page of pages) await fetch(page.url, { headers: page.cookie ? { cookie: page.cookie } : {} });

  console.log(
    `\nLighthouse 12.8.2, desktop preset (simulated throttling), Chromium headless, median of ${RUNS} run(s) a page (LIGHTHOUSE_RUNS);`,
  );
  console.log("signed in as manager@acme.example (a manager sees the Subscription page, read-only).");
  console.log(`Team of ${BENCH_MEMBERS} members. JavaScript = the Script requests of the page load, gzip as served.\n`);
  console.log(
    `${"page".padEnd(14)} perf  a11y  best   JS gzip (raw)          files  server  LCP      TBT     CLS\n${"bare Next page".padEnd(14)} ${row(floor)}`,
  );
  const audits = new Map<string, PageAudit>();
  for (const page of pages) {
    const audit = await medianAudit(page.url, page.cookie);
    audits.set(page.name, audit);
    console.log(`${page.name.padEnd(14)} ${row(audit)}`);
  }

  console.log("");
  for (const [name, audit] of audits) {
    for (const failure of audit.failures)
      console.log(
        `  ${name}: ${failure.category} ${failure.id} (${failure.title})${failure.display ? `: ${failure.display}` : ""}`,
      );
  }
  console.log("");
  for (const [name, audit] of audits) {
    const { performance, accessibility } = audit.scores;
    const bestPractices = audit.scores["best-practices"];
    goal(`${name}: performance ≥ 95`, String(performance), performance >= 95);
    goal(`${name}: accessibility 100`, String(accessibility), accessibility === 100);
    goal(`${name}: best practices ≥ 95`, String(bestPractices), bestPractices >= 95);
    const ratio = audit.script.transfer / floor.script.transfer;
    goal(
      `${name}: first-load JS ≤ ${JS_ALLOWANCE}× a bare Next page's`,
      `${kB(audit.script.transfer)} gzip = ${ratio.toFixed(2)}× ${kB(floor.script.transfer)}`,
      ratio <= JS_ALLOWANCE,
    );
  }
} finally {
  await lighthouse.close();
  await bench.stop();
}

async function measureBarePage(): Promise<PageAudit> {
  const bare = await startBareNextPage(PORT + 7);
  try {
    return await medianAudit(bare.url);
  } finally {
    await bare.stop();
  }
}

async function medianAudit(url: string, cookie?: string): Promise<PageAudit> {
  const runs: PageAudit[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await lighthouse.audit(url, cookie));
  runs.sort((a, b) => a.scores.performance - b.scores.performance);
  return runs[Math.floor(runs.length / 2)]!;
}

function row(audit: PageAudit): string {
  const { performance, accessibility } = audit.scores;
  const js = `${kB(audit.script.transfer)} (${kB(audit.script.raw)})`;
  return [
    String(performance).padStart(4),
    String(accessibility).padStart(5),
    String(audit.scores["best-practices"]).padStart(5),
    `  ${js.padEnd(22)}`,
    String(audit.script.files).padStart(5),
    `${audit.serverResponseMs.toFixed(0).padStart(5)} ms`,
    `${audit.metrics.lcpMs.toFixed(0).padStart(5)} ms`,
    `${audit.metrics.tbtMs.toFixed(0).padStart(4)} ms`,
    audit.metrics.cls.toFixed(3).padStart(6),
  ].join(" ");
}
