import { sql } from "drizzle-orm";
import { type Database, type DatabaseHandle, rowsOf } from "@/db/client";
import type { JobRunnerHeartbeat } from "../jobs/job-heartbeat";
import type { ConsoleMetrics } from "./console-metrics";

/** Counts stop here, so a scrape stays one short query however large a table grows. */
const COUNT_CAP = 100_000;

const capped = (rows: ReturnType<typeof sql>) => sql`(select count(*) from (${rows} limit ${COUNT_CAP}) capped)`;

async function countNow(db: Database, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    select
      ${capped(sql`select 1 from mail_outbox where sent_at is null and send_after <= ${at}`)} as "mail",
      ${capped(sql`select 1 from webhook_deliveries where status in ('pending', 'retrying')`)} as "webhooks",
      ${capped(sql`select 1 from alert_deliveries where status in ('pending', 'retrying')`)} as "alerts",
      ${capped(sql`select 1 from sessions where ended_at is null and expires_at > ${at} and last_seen_at + make_interval(mins => idle_timeout_minutes) > ${at}`)} as "sessions",
      ${capped(sql`select 1 from support_sessions where ended_at is null and ends_at > ${at}`)} as "support"`);
  const [row] = rowsOf<Record<"mail" | "webhooks" | "alerts" | "sessions" | "support", string | number>>(result);
  return row;
}

/**
 * Sets the gauges that are read at scrape time: backlogs and sessions from the database (one
 * query), each job's lag from the runner's heartbeat, the pool's size from the driver.
 */
export async function refreshScrapeGauges(
  metrics: ConsoleMetrics,
  handle: DatabaseHandle,
  heartbeat: JobRunnerHeartbeat | undefined,
  now: Date,
): Promise<void> {
  const counts = await countNow(handle.db, now);
  metrics.mailBacklog.set(Number(counts?.mail ?? 0));
  metrics.webhookBacklog.set(Number(counts?.webhooks ?? 0));
  metrics.alertBacklog.set(Number(counts?.alerts ?? 0));
  metrics.activeSessions.set(Number(counts?.sessions ?? 0));
  metrics.openSupportSessions.set(Number(counts?.support ?? 0));
  metrics.poolMaxConnections.set({ driver: handle.kind }, handle.poolMax);
  for (const [job, completedAt] of heartbeat?.completedAt ?? [])
    metrics.jobLag.set({ job }, Math.max(0, (now.getTime() - completedAt) / 1000));
}
