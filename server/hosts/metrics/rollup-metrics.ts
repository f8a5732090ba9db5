import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/client";
import { DAY_MS } from "@/lib/time";
import type { Clock } from "../../clock";

const HOUR_MS = 60 * 60 * 1000;
/** Minute rows are kept this long; older ones are summed into hours. */
export const MINUTE_ROWS_KEPT_MS = DAY_MS;
/** Metrics of any resolution are kept this long. */
export const METRICS_KEPT_MS = 30 * DAY_MS;

/**
 * Turns the minute rows of each hour that ended more than a day ago into one hour row per host
 * (averages of load and clients, the hour's last storage, its transfer summed) and deletes
 * metrics older than 30 days. One server at a time does it, under a transaction-scoped advisory
 * lock; a server that finds the lock taken leaves the work to the one holding it.
 */
export async function rollUpHostMetrics(
  db: Database,
  clock: Clock,
): Promise<{ rolledUp: number; hoursWritten: number; expired: number } | { skipped: true }> {
  const now = clock.now().getTime();
  // Whole hours only, so an hour is never split into two rows.
  const minuteCutoff = new Date(Math.floor((now - MINUTE_ROWS_KEPT_MS) / HOUR_MS) * HOUR_MS);
  const expiryCutoff = new Date(now - METRICS_KEPT_MS);
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ taken: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended('hosts.metrics-rollup', 0)) as taken`),
    );
    if (!lock?.taken) return { skipped: true as const };
    const [rolled] = rowsOf<{ rolledUp: number; hoursWritten: number }>(
      await tx.execute(sql`
        with moved as (
          delete from host_metrics
          where resolution = 'minute' and recorded_at < ${minuteCutoff.toISOString()}::timestamptz
          returning *
        ), hours as (
          insert into host_metrics
            (team_id, host_id, resolution, recorded_at, cpu_percent, memory_percent,
             connected_clients, storage_bytes, data_transfer_bytes)
          select team_id, host_id, 'hour', date_trunc('hour', recorded_at, 'UTC'),
                 avg(cpu_percent), avg(memory_percent), round(avg(connected_clients)),
                 (array_agg(storage_bytes order by recorded_at desc))[1], sum(data_transfer_bytes)
          from moved
          group by team_id, host_id, date_trunc('hour', recorded_at, 'UTC')
          on conflict (host_id, resolution, recorded_at) do update set
            cpu_percent = excluded.cpu_percent,
            memory_percent = excluded.memory_percent,
            connected_clients = excluded.connected_clients,
            storage_bytes = excluded.storage_bytes,
            data_transfer_bytes = host_metrics.data_transfer_bytes + excluded.data_transfer_bytes
          returning 1
        )
        select (select count(*) from moved)::int as "rolledUp", (select count(*) from hours)::int as "hoursWritten"
      `),
    );
    const expired = await tx.execute(
      sql`delete from host_metrics where recorded_at < ${expiryCutoff.toISOString()}::timestamptz returning 1`,
    );
    return {
      rolledUp: rolled?.rolledUp ?? 0,
      hoursWritten: rolled?.hoursWritten ?? 0,
      expired: rowsOf(expired).length,
    };
  });
}
