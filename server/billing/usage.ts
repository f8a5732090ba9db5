import { and, desc, eq, gte, sum } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { connectUsage, hostUsage } from "@/db/schema";
import type { TeamProduct } from "../permissions";
import { contractYearStart, isoDay, periodEndAfter, startOfMonth, startOfNextMonth } from "./periods";

const GB = 1_000_000_000;

/** What a team uses of what its subscription limits. */
export interface MeasuredUsage {
  /** FileMaker Cloud: storage now, and data transfer this contract year, in GB (one decimal). */
  storageGb: number;
  dataTransferGb: number;
  contractYearResetsAt: Date;
  /** Claris Connect: flows switched on now, and API requests this calendar month. */
  flows: number;
  requests: number;
  requestsResetAt: Date;
}

const oneDecimal = (bytes: number) => Math.round((bytes / GB) * 10) / 10;

export async function measureUsage(
  db: Queryable,
  team: { id: string; product: TeamProduct },
  startedAt: Date,
  now: Date,
): Promise<MeasuredUsage> {
  const contractYearResetsAt = periodEndAfter(startedAt, "annual", now);
  const requestsResetAt = startOfNextMonth(now);
  if (team.product === "filemaker_cloud") {
    // Storage: each host's latest figure. Data transfer: everything since the contract year began.
    const latest = await db
      .selectDistinctOn([hostUsage.hostId], { storageBytes: hostUsage.storageBytes })
      .from(hostUsage)
      .where(eq(hostUsage.teamId, team.id))
      .orderBy(hostUsage.hostId, desc(hostUsage.day));
    const [transfer] = await db
      .select({ bytes: sum(hostUsage.dataTransferBytes) })
      .from(hostUsage)
      .where(and(eq(hostUsage.teamId, team.id), gte(hostUsage.day, isoDay(contractYearStart(startedAt, now)))));
    return {
      storageGb: oneDecimal(latest.reduce((total, row) => total + row.storageBytes, 0)),
      dataTransferGb: oneDecimal(Number(transfer?.bytes ?? 0)),
      contractYearResetsAt,
      flows: 0,
      requests: 0,
      requestsResetAt,
    };
  }
  const [latest] = await db
    .select({ activeFlows: connectUsage.activeFlows })
    .from(connectUsage)
    .where(eq(connectUsage.teamId, team.id))
    .orderBy(desc(connectUsage.day))
    .limit(1);
  const [month] = await db
    .select({ requests: sum(connectUsage.requests) })
    .from(connectUsage)
    .where(and(eq(connectUsage.teamId, team.id), gte(connectUsage.day, isoDay(startOfMonth(now)))));
  return {
    storageGb: 0,
    dataTransferGb: 0,
    contractYearResetsAt,
    flows: latest?.activeFlows ?? 0,
    requests: Number(month?.requests ?? 0),
    requestsResetAt,
  };
}

/** How close a figure is to its limit: the page warns near (90 %) and at the limit. */
export function limitLevel(used: number, limit: number): "ok" | "near" | "at" {
  if (limit <= 0) return used > 0 ? "at" : "ok";
  if (used >= limit) return "at";
  return used >= limit * 0.9 ? "near" : "ok";
}

/**
 * The platform's metering reports a day's figures (idempotent: a later report for the same
 * day replaces the earlier one). Not a change anyone makes, so not audited.
 */
export async function recordHostUsage(
  db: Queryable,
  input: {
    teamId: string;
    hostId: string;
    day: string;
    storageBytes: number;
    dataTransferBytes: number;
    peakConnections?: number;
  },
): Promise<void> {
  const values = { ...input, peakConnections: input.peakConnections ?? 0 };
  await db
    .insert(hostUsage)
    .values(values)
    .onConflictDoUpdate({
      target: [hostUsage.hostId, hostUsage.day],
      set: {
        storageBytes: values.storageBytes,
        dataTransferBytes: values.dataTransferBytes,
        peakConnections: values.peakConnections,
      },
    });
}

export async function recordConnectUsage(
  db: Queryable,
  input: { teamId: string; day: string; activeFlows: number; requests: number },
): Promise<void> {
  await db
    .insert(connectUsage)
    .values(input)
    .onConflictDoUpdate({
      target: [connectUsage.teamId, connectUsage.day],
      set: { activeFlows: input.activeFlows, requests: input.requests },
    });
}
