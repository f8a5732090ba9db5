import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostMetrics, hosts, hostUsage } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import type { HostsEmulator } from "@/hosts-emulator/emulator";
import { noRequest, systemActor } from "../../actor";
import { measureUsage } from "../../billing/usage";
import { fixedClock } from "../../clock";
import { demoHostByName, startDemoHostsEmulator } from "../../testing/demo-hosts-emulator";
import { recordObservation } from "../record-observation";
import { refreshHost } from "../refresh-host";
import { transferSince } from "./record-load";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock("2026-03-10T09:00:20Z");
const ctx = { actor: systemActor("Host poll"), clock, request: noRequest };
let emulator: HostsEmulator;

beforeAll(async () => {
  emulator = await startDemoHostsEmulator(db(), clock);
});
afterAll(() => emulator.close());

const look = async (name: string) => {
  const host = await demoHostByName(db(), name);
  const observation = await refreshHost(db(), ctx, host);
  return { host, statistics: observation!.statistics! };
};
const minuteRows = (hostId: string) =>
  db()
    .select()
    .from(hostMetrics)
    .where(and(eq(hostMetrics.hostId, hostId), eq(hostMetrics.resolution, "minute")))
    .orderBy(hostMetrics.recordedAt);
const usageOf = (hostId: string) => db().select().from(hostUsage).where(eq(hostUsage.hostId, hostId));

describe("the bytes sent between two looks", () => {
  it("are the counter's growth, or the whole counter after the server restarted or on a first look", () => {
    expect(transferSince(1_000, 4_500)).toBe(3_500);
    expect(transferSince(9_000, 2_000)).toBe(2_000);
    expect(transferSince(undefined, 2_000)).toBe(2_000);
  });
});

describe("the figures a look at a host leaves behind", () => {
  it("is a metrics row of the minute with the host's load, storage and the bytes sent since the last look", async () => {
    const { host, statistics: first } = await look("Acme Production");
    expect(first.storageBytes).toBe(812_000_000 + 1_450_000_000 + 2_300_000_000 + 96_000_000);
    expect(await minuteRows(host.id)).toEqual([
      expect.objectContaining({
        recordedAt: new Date("2026-03-10T09:00:00Z"),
        cpuPercent: first.cpuPercent,
        memoryPercent: first.memoryPercent,
        connectedClients: 3,
        storageBytes: first.storageBytes,
        dataTransferBytes: first.dataTransferBytes,
      }),
    ]);

    clock.advance(5 * 60_000);
    const { statistics: second } = await look("Acme Production");
    expect(second.dataTransferBytes).toBeGreaterThan(first.dataTransferBytes);
    const rows = await minuteRows(host.id);
    expect(rows.map((row) => [row.recordedAt.toISOString(), row.dataTransferBytes])).toEqual([
      ["2026-03-10T09:00:00.000Z", first.dataTransferBytes],
      ["2026-03-10T09:05:00.000Z", second.dataTransferBytes - first.dataTransferBytes],
    ]);
  });

  it("takes the whole counter when it went down, because the server restarted since", async () => {
    const host = await demoHostByName(db(), "Acme Production");
    const stored = host.liveState as { statistics: { dataTransferBytes: number } };
    const restarted = { ...stored, statistics: { ...stored.statistics, dataTransferBytes: 10 ** 12 } };
    await db().update(hosts).set({ liveState: restarted }).where(eq(hosts.id, host.id));
    clock.advance(60_000);
    const { statistics } = await look("Acme Production");
    const rows = await minuteRows(host.id);
    expect(rows.at(-1)).toMatchObject({
      recordedAt: new Date("2026-03-10T09:06:00Z"),
      dataTransferBytes: statistics.dataTransferBytes,
    });
  });

  it("adds a second look in the same minute to the minute's transfer instead of writing another row", async () => {
    const host = await demoHostByName(db(), "Acme Production");
    const before = (await minuteRows(host.id)).at(-1)!;
    const counterBefore = (host.liveState as { statistics: { dataTransferBytes: number } }).statistics
      .dataTransferBytes;
    clock.advance(30_000);
    const { statistics } = await look("Acme Production");
    const rows = await minuteRows(host.id);
    expect(rows).toHaveLength(3);
    expect(rows.at(-1)!.dataTransferBytes).toBe(
      before.dataTransferBytes + statistics.dataTransferBytes - counterBefore,
    );
  });

  it("leaves out a look that began before the stored one but finished after it, whose counter is older", async () => {
    const host = await demoHostByName(db(), "Acme Production");
    const observation = (await refreshHost(db(), ctx, host))!;
    const rows = await minuteRows(host.id);
    const usage = await usageOf(host.id);
    const stored = (await demoHostByName(db(), "Acme Production")).liveState;
    const late = {
      ...observation,
      liveState: { ...observation.liveState, observedAt: new Date(clock.now().getTime() - 20_000).toISOString() },
      statistics: { ...observation.statistics!, dataTransferBytes: 1 },
    };
    await recordObservation(db(), ctx, host, late);
    expect(await minuteRows(host.id)).toEqual(rows);
    expect(await usageOf(host.id)).toEqual(usage);
    expect((await demoHostByName(db(), "Acme Production")).liveState).toEqual(stored);
  });

  it("is today's usage of a FileMaker Cloud host: latest storage, the day's transfer and its peak of connections, which the subscription's meters show", async () => {
    const host = await demoHostByName(db(), "Acme Production");
    const transferred = (await minuteRows(host.id)).reduce((sum, row) => sum + row.dataTransferBytes, 0);
    const [today] = await usageOf(host.id);
    expect(today).toMatchObject({
      day: "2026-03-10",
      storageBytes: 4_658_000_000,
      dataTransferBytes: transferred,
      peakConnections: Math.max(...(await minuteRows(host.id)).map((row) => row.connectedClients)),
    });

    // The next day starts a new row.
    clock.set("2026-03-11T00:00:10Z");
    const { statistics } = await look("Acme Production");
    const days = await usageOf(host.id);
    expect(days.map((day) => day.day).sort()).toEqual(["2026-03-10", "2026-03-11"]);
    expect(days.find((day) => day.day === "2026-03-11")).toMatchObject({
      peakConnections: statistics.connectedClients,
    });

    const usage = await measureUsage(
      db(),
      { id: host.teamId, product: "filemaker_cloud" },
      new Date("2026-01-01"),
      clock.now(),
    );
    expect(usage.storageGb).toBeGreaterThanOrEqual(4.7);
  });

  it("is no usage for a server the team runs itself, whose storage is not the subscription's", async () => {
    const staging = await demoHostByName(db(), "Acme Staging");
    await db().update(hosts).set({ kind: "self_hosted" }).where(eq(hosts.id, staging.id));
    await look("Acme Staging");
    expect(await minuteRows(staging.id)).toHaveLength(1);
    expect(await usageOf(staging.id)).toEqual([]);
  });
});
