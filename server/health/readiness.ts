import { sql } from "drizzle-orm";
import { type Database, rowsOf } from "@/db/client";
import type { JobRunnerHeartbeat } from "../jobs/job-heartbeat";
import { logger } from "../logger";
import type { ShippedMigration } from "./shipped-migrations";

/** A job running longer than this, or a runner silent for longer, is taken for stuck. */
export const HEARTBEAT_LIMIT_MS = 2 * 60_000;
const DEFAULT_MAIL_BACKLOG_LIMIT = 1_000;
/** The database's answer is reused this long, so a probe every second costs one query per second at most. */
const DATABASE_CHECK_REUSE_MS = 1_000;
const DATABASE_TIMEOUT_MS = 2_000;

/**
 * MAIL_BACKLOG_LIMIT: how much due, undelivered mail the outbox may hold before /readyz fails
 * (1000 by default). Read at start, so a wrong value stops the start.
 */
export function mailBacklogLimit(value = process.env.MAIL_BACKLOG_LIMIT): number {
  if (value === undefined || value === "") return DEFAULT_MAIL_BACKLOG_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000)
    throw new Error(`MAIL_BACKLOG_LIMIT is "${value}"; give a whole number of mails from 1 to 1000000.`);
  return limit;
}

export interface ReadinessSources {
  database(): Promise<Database>;
  shippedMigrations: readonly ShippedMigration[];
  heartbeat(): JobRunnerHeartbeat | undefined;
  draining(): boolean;
  /** False without SMTP_URL: mail then stays in the outbox for the Mailbox page and is no backlog. */
  mailDelivered: boolean;
  mailBacklogLimit: number;
  now?: () => number;
}

export interface Check {
  ok: boolean;
  detail: string;
}

export interface Readiness {
  status: "ready" | "not ready";
  checks: {
    database: Check & { ms?: number };
    migrations: Check & { applied?: number; shipped: number };
    jobRunner: Check & { heartbeatAgeSeconds?: number };
    mailBacklog: Check & { due?: number; limit: number };
    accepting: Check;
  };
}

interface DatabaseAnswer {
  ms: number;
  latestMigration: number | null;
  /** Counted up to the limit and one more, so the query stays short however large the backlog. */
  mailDue: number;
}

async function askDatabase(sources: ReadinessSources, now: number): Promise<DatabaseAnswer> {
  const started = performance.now();
  const db = await sources.database();
  const result = await db.execute(sql`
    select
      (select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1) as "latestMigration",
      (select count(*) from (
        select 1 from mail_outbox
        where sent_at is null and send_after <= ${new Date(now).toISOString()}::timestamptz
        limit ${sources.mailBacklogLimit + 1}
      ) due) as "mailDue"`);
  const [row] = rowsOf<{ latestMigration: string | number | null; mailDue: string | number }>(result);
  return {
    ms: Math.round(performance.now() - started),
    latestMigration: row?.latestMigration == null ? null : Number(row.latestMigration),
    mailDue: Number(row?.mailDue ?? 0),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error("timeout"), { code: `no answer within ${ms / 1000} s` })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Only the error's code ("ECONNREFUSED", "28P01"): a message may name a host, a user or a value. */
function failureCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[\w .-]{1,40}$/.test(code) ? code : "see the server's log";
}

function jobRunnerCheck(heartbeat: JobRunnerHeartbeat | undefined, now: number): Readiness["checks"]["jobRunner"] {
  if (!heartbeat) return { ok: false, detail: "the job runner has not started" };
  if (heartbeat.running && now - heartbeat.running.since > HEARTBEAT_LIMIT_MS) {
    const seconds = Math.round((now - heartbeat.running.since) / 1000);
    return {
      ok: false,
      detail: `the job ${heartbeat.running.job} has been running for ${seconds} s`,
      heartbeatAgeSeconds: seconds,
    };
  }
  const age = Math.round((now - (heartbeat.running?.since ?? heartbeat.beatAt)) / 1000);
  if (age * 1000 > HEARTBEAT_LIMIT_MS)
    return { ok: false, detail: `no heartbeat for ${age} s`, heartbeatAgeSeconds: age };
  return {
    ok: true,
    detail: heartbeat.running ? `running ${heartbeat.running.job}` : "waiting",
    heartbeatAgeSeconds: age,
  };
}

/**
 * What /readyz answers: whether this server should be sent requests. The database is asked at
 * most once a second, whatever the number of probes, with its answer in one short query; the
 * job runner's heartbeat and the draining flag are read fresh each time.
 */
export function readinessProbe(sources: ReadinessSources): () => Promise<Readiness> {
  const now = sources.now ?? Date.now;
  let cached: { at: number; answer: Promise<DatabaseAnswer> } | undefined;
  let pending = false;
  const databaseAnswer = () => {
    if (!cached || (!pending && now() - cached.at >= DATABASE_CHECK_REUSE_MS)) {
      pending = true;
      const answer = withTimeout(askDatabase(sources, now()), DATABASE_TIMEOUT_MS).finally(() => {
        pending = false;
        if (cached) cached.at = now();
      });
      // A failure is an answer too: reported by code in /readyz, in full here.
      answer.catch((error) => logger.warn({ err: error }, "readiness: the database did not answer"));
      cached = { at: now(), answer };
    }
    return cached.answer;
  };

  return async () => {
    const at = now();
    const shipped = sources.shippedMigrations;
    const limit = sources.mailBacklogLimit;
    const checks = await databaseAnswer().then(
      (answer): Pick<Readiness["checks"], "database" | "migrations" | "mailBacklog"> => {
        const pendingTags = shipped.filter((m) => answer.latestMigration === null || m.when > answer.latestMigration);
        return {
          database: { ok: true, detail: "reachable", ms: answer.ms },
          migrations: {
            ok: pendingTags.length === 0,
            detail: pendingTags.length
              ? `not applied: ${pendingTags.map((m) => m.tag).join(", ")}`
              : "every shipped migration is applied",
            applied: shipped.length - pendingTags.length,
            shipped: shipped.length,
          },
          mailBacklog: !sources.mailDelivered
            ? { ok: true, detail: "no SMTP_URL: mail stays in the outbox for the Mailbox page", limit }
            : answer.mailDue > limit
              ? { ok: false, detail: `more than ${limit} mails are due and undelivered`, due: answer.mailDue, limit }
              : { ok: true, detail: "below the limit", due: answer.mailDue, limit },
        };
      },
      (error: unknown) => ({
        database: { ok: false, detail: `unreachable (${failureCode(error)})` },
        migrations: { ok: false, detail: "unknown: the database did not answer", shipped: shipped.length },
        mailBacklog: { ok: false, detail: "unknown: the database did not answer", limit },
      }),
    );
    const all = {
      ...checks,
      jobRunner: jobRunnerCheck(sources.heartbeat(), at),
      accepting: sources.draining()
        ? { ok: false, detail: "draining: the server is shutting down" }
        : { ok: true, detail: "accepting requests" },
    };
    return { status: Object.values(all).every((check) => check.ok) ? "ready" : "not ready", checks: all };
  };
}
