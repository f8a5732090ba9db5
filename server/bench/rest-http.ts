/**
 * The Users list over HTTP on a running console, side by side: through the REST Admin API
 * with an API key, and through tRPC with a session cookie, as the Users page asks for it.
 *
 *   CONSOLE_URL=http://localhost:3000 API_KEY=cc_… [SESSION_COOKIE='authjs.session-token=…' TEAM_ID=…] \
 *     npx tsx server/bench/rest-http.ts
 *
 * 16 connections for 10 seconds each; prints requests/s and p50/p99. Keep the key's 600
 * calls a minute in mind: the REST run stops counting at the first 429 and says so.
 */
import { env } from "node:process";

const base = env.CONSOLE_URL ?? "http://localhost:3000";
const CONNECTIONS = 16;
const SECONDS = 10;

async function load(label: string, request: () => Promise<Response>) {
  const times: number[] = [];
  let limited = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const response = await request();
        await response.arrayBuffer();
        if (response.status === 429) limited++;
        else if (!response.ok) throw new Error(`${label}: ${response.status}`);
        else times.push(performance.now() - started);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  console.log(
    `${label.padEnd(40)} ${(times.length / SECONDS).toFixed(0).padStart(6)} req/s   p50 ${at(0.5).toFixed(1)} ms   p99 ${at(0.99).toFixed(1)} ms${limited ? `   (${limited} answered 429)` : ""}`,
  );
}

if (env.API_KEY) {
  const headers = { authorization: `Bearer ${env.API_KEY}` };
  await load("GET /api/v1/users (REST, API key)", () => fetch(`${base}/api/v1/users`, { headers }));
}
if (env.SESSION_COOKIE && env.TEAM_ID) {
  const input = encodeURIComponent(JSON.stringify({ json: { teamId: env.TEAM_ID } }));
  const headers = { cookie: env.SESSION_COOKIE };
  await load("members.list (tRPC, session)", () => fetch(`${base}/api/trpc/members.list?input=${input}`, { headers }));
}
await load("GET /api/v1/openapi.json (no database)", () => fetch(`${base}/api/v1/openapi.json`));
