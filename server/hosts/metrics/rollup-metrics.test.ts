import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hostMetrics } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../../clock";
import { demoHostByName } from "../../testing/demo-hosts-emulator";
import { rollUpHostMetrics } from "./rollup-metrics";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock("2026-03-10T12:30:00Z");
const MINUTE = 60_000;

async function minuteRowsFrom(host: { id: string; teamId: string }, start: string, count: number) {
  const rows = Array.from({ length: count }, (_, index) => ({
    teamId: host.teamId,
    hostId: host.id,
    resolution: "minute" as const,
    recordedAt: new Date(new Date(start).getTime() + index * MINUTE),
    cpuPercent: index % 2 === 0 ? 10 : 30,
    memoryPercent: 50,
    connectedClients: index % 2 === 0 ? 2 : 4,
    storageBytes: 1_000_000 + index,
    dataTransferBytes: 1_000,
  }));
  await db().insert(hostMetrics).values(rows);
}

const rowsOf = (hostId: string, resolution: "minute" | "hour") =>
  db()
    .select()
    .from(hostMetrics)
    .where(and(eq(hostMetrics.hostId, hostId), eq(hostMetrics.resolution, resolution)))
    .orderBy(hostMetrics.recordedAt);

describe("rolling up host metrics", () => {
  it("sums each hour older than a day into one row, keeps the last day by the minute and forgets what is older than 30 days", async () => {
    const host = await demoHostByName(db(), "Acme Production");
    // Two whole hours two days ago, the half hour before the day's edge and the last day's minutes.
    await minuteRowsFrom(host, "2026-03-08T10:00:00Z", 120);
    await minuteRowsFrom(host, "2026-03-09T11:30:00Z", 90);
    await db()
      .insert(hostMetrics)
      .values({
        teamId: host.teamId,
        hostId: host.id,
        resolution: "hour",
        recordedAt: new Date("2026-02-01T00:00:00Z"),
        cpuPercent: 1,
        memoryPercent: 1,
        connectedClients: 1,
        storageBytes: 1,
        dataTransferBytes: 1,
      });

    // Two servers at once: one does the work, the other finds none left.
    const results = await Promise.all([rollUpHostMetrics(db(), clock), rollUpHostMetrics(db(), clock)]);
    const done = results.filter((result) => "rolledUp" in result);
    expect(done.reduce((sum, result) => sum + ("rolledUp" in result ? result.rolledUp : 0), 0)).toBe(150);

    const hours = await rowsOf(host.id, "hour");
    expect(hours.map((row) => row.recordedAt.toISOString())).toEqual([
      "2026-03-08T10:00:00.000Z",
      "2026-03-08T11:00:00.000Z",
      "2026-03-09T11:00:00.000Z",
    ]);
    expect(hours[0]).toMatchObject({
      cpuPercent: 20,
      memoryPercent: 50,
      connectedClients: 3,
      storageBytes: 1_000_059,
      dataTransferBytes: 60_000,
    });
    expect(hours[2]).toMatchObject({ storageBytes: 1_000_029, dataTransferBytes: 30_000 });
    const minutes = await rowsOf(host.id, "minute");
    expect(minutes).toHaveLength(60);
    expect(minutes[0]!.recordedAt).toEqual(new Date("2026-03-09T12:00:00Z"));

    const again = await rollUpHostMetrics(db(), clock);
    expect(again).toEqual({ rolledUp: 0, hoursWritten: 0, expired: 0 });
    expect(await rowsOf(host.id, "hour")).toEqual(hours);
  });
});
