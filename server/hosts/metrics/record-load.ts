import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { hostMetrics, hostUsage } from "@/db/schema";
import { isoDay } from "../../billing/periods";
import type { HostStatistics } from "../filemaker-admin/host-driver";

const MINUTE_MS = 60_000;

/**
 * Bytes sent since the previous look. The server's figure counts from its start, so a figure
 * lower than the last one means it restarted and all of it is new; so is a first figure.
 */
export function transferSince(previousCounter: number | null | undefined, counter: number): number {
  if (previousCounter == null || counter < previousCounter) return counter;
  return counter - previousCounter;
}

/**
 * Writes one look's load figures: the host's metrics row of this minute, and, for a FileMaker
 * Cloud host, today's usage for the subscription's meters (latest storage, transfer summed, the
 * day's peak of connections). A second look in the same minute or day adds its transfer to the row.
 */
export async function recordLoad(
  tx: Queryable,
  host: { id: string; teamId: string; kind: "cloud" | "self_hosted" },
  previousCounter: number | null | undefined,
  statistics: HostStatistics,
  now: Date,
): Promise<void> {
  const transfer = transferSince(previousCounter, statistics.dataTransferBytes);
  const minute = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
  await tx
    .insert(hostMetrics)
    .values({
      teamId: host.teamId,
      hostId: host.id,
      resolution: "minute",
      recordedAt: minute,
      cpuPercent: statistics.cpuPercent,
      memoryPercent: statistics.memoryPercent,
      connectedClients: statistics.connectedClients,
      storageBytes: statistics.storageBytes,
      dataTransferBytes: transfer,
    })
    .onConflictDoUpdate({
      target: [hostMetrics.hostId, hostMetrics.resolution, hostMetrics.recordedAt],
      set: {
        cpuPercent: statistics.cpuPercent,
        memoryPercent: statistics.memoryPercent,
        connectedClients: statistics.connectedClients,
        storageBytes: statistics.storageBytes,
        dataTransferBytes: sql`${hostMetrics.dataTransferBytes} + ${transfer}`,
      },
    });
  // A server the team runs itself is not part of the subscription's storage and transfer.
  if (host.kind !== "cloud") return;
  await tx
    .insert(hostUsage)
    .values({
      teamId: host.teamId,
      hostId: host.id,
      day: isoDay(now),
      storageBytes: statistics.storageBytes,
      dataTransferBytes: transfer,
      peakConnections: statistics.connectedClients,
    })
    .onConflictDoUpdate({
      target: [hostUsage.hostId, hostUsage.day],
      set: {
        storageBytes: statistics.storageBytes,
        dataTransferBytes: sql`${hostUsage.dataTransferBytes} + ${transfer}`,
        peakConnections: sql`greatest(${hostUsage.peakConnections}, ${statistics.connectedClients})`,
      },
    });
}
