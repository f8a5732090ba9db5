import "server-only";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { hostMetrics, hosts } from "@/db/schema";
import { METRIC_RANGE_MS, type MetricRange } from "@/lib/host-metric-ranges";
import { DomainError } from "../../errors";

export interface MetricPoint {
  at: Date;
  cpuPercent: number;
  memoryPercent: number;
  connectedClients: number;
  storageBytes: number;
}

/**
 * A host's load over a range, oldest first: the minute rows for 24 hours; hourly rows for 7 and
 * 30 days, with the last day's minute rows (not rolled up yet) summed into hours here, so the
 * chart has no hole where the roll-up has not reached.
 */
export async function metricSeries(
  db: Queryable,
  teamId: string,
  hostId: string,
  range: MetricRange,
  now: Date,
): Promise<MetricPoint[]> {
  const [host] = await db
    .select({ id: hosts.id })
    .from(hosts)
    .where(and(eq(hosts.teamId, teamId), eq(hosts.id, hostId)));
  if (!host) throw new DomainError("NOT_FOUND", "thisHostDoesNotExistIn");
  const since = new Date(now.getTime() - METRIC_RANGE_MS[range]);
  const ofHostSince = (resolution: "minute" | "hour") =>
    and(
      eq(hostMetrics.teamId, teamId),
      eq(hostMetrics.hostId, hostId),
      eq(hostMetrics.resolution, resolution),
      gte(hostMetrics.recordedAt, since),
    );
  const columns = {
    at: hostMetrics.recordedAt,
    cpuPercent: hostMetrics.cpuPercent,
    memoryPercent: hostMetrics.memoryPercent,
    connectedClients: hostMetrics.connectedClients,
    storageBytes: hostMetrics.storageBytes,
  };
  if (range === "24h") {
    return db.select(columns).from(hostMetrics).where(ofHostSince("minute")).orderBy(asc(hostMetrics.recordedAt));
  }
  const hourly = await db.select(columns).from(hostMetrics).where(ofHostSince("hour"));
  const hour = sql<Date>`date_trunc('hour', ${hostMetrics.recordedAt}, 'UTC')`;
  const recent = await db
    .select({
      at: sql<Date>`${hour}`.mapWith(hostMetrics.recordedAt),
      cpuPercent: sql<number>`avg(${hostMetrics.cpuPercent})`.mapWith(Number),
      memoryPercent: sql<number>`avg(${hostMetrics.memoryPercent})`.mapWith(Number),
      connectedClients: sql<number>`round(avg(${hostMetrics.connectedClients}))`.mapWith(Number),
      storageBytes:
        sql<number>`(array_agg(${hostMetrics.storageBytes} order by ${hostMetrics.recordedAt} desc))[1]`.mapWith(
          Number,
        ),
    })
    .from(hostMetrics)
    .where(ofHostSince("minute"))
    .groupBy(hour);
  const byHour = new Map<number, MetricPoint>();
  for (const point of recent) byHour.set(point.at.getTime(), point);
  // An hour the roll-up has written is the complete one.
  for (const point of hourly) byHour.set(point.at.getTime(), point);
  return [...byHour.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}
