import { describe, expect, it } from "vitest";
import { hostMetrics } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { accountActor, contextFor } from "../testing/callers";
import { demoHostByName } from "../testing/demo-hosts-emulator";
import { createCaller } from "./root";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock("2026-03-10T12:30:00Z");
const MINUTE = 60_000;

const managerOfAcme = async () =>
  createCaller(contextFor(db(), await accountActor(db(), "manager@acme.example", { mfaVerified: true }), { clock }));

async function record(host: { id: string; teamId: string }, resolution: "minute" | "hour", at: string, cpu: number) {
  await db()
    .insert(hostMetrics)
    .values({
      teamId: host.teamId,
      hostId: host.id,
      resolution,
      recordedAt: new Date(at),
      cpuPercent: cpu,
      memoryPercent: 40,
      connectedClients: 2,
      storageBytes: 5_000,
      dataTransferBytes: 100,
    });
}

describe("a host's metric series", () => {
  it("is the last day by the minute, and by the hour for 7 and 30 days with the last day summed into hours on the fly", async () => {
    const production = await demoHostByName(db(), "Acme Production");
    await record(production, "hour", "2026-02-01T00:00:00Z", 5);
    await record(production, "hour", "2026-03-05T08:00:00Z", 10);
    await record(production, "hour", "2026-03-09T11:00:00Z", 20);
    await record(production, "minute", "2026-03-10T11:00:00Z", 30);
    await record(production, "minute", "2026-03-10T11:01:00Z", 50);
    await record(production, "minute", new Date(clock.now().getTime() - MINUTE).toISOString(), 60);
    const api = await managerOfAcme();
    const input = { teamId: production.teamId, hostId: production.id };

    const day = await api.hostMetrics.series({ ...input, range: "24h" });
    expect(day.map((point) => [point.at.toISOString(), point.cpuPercent])).toEqual([
      ["2026-03-10T11:00:00.000Z", 30],
      ["2026-03-10T11:01:00.000Z", 50],
      ["2026-03-10T12:29:00.000Z", 60],
    ]);
    expect(day[0]).toEqual({
      at: new Date("2026-03-10T11:00:00Z"),
      cpuPercent: 30,
      memoryPercent: 40,
      connectedClients: 2,
      storageBytes: 5_000,
    });

    const week = await api.hostMetrics.series({ ...input, range: "7d" });
    expect(week.map((point) => [point.at.toISOString(), point.cpuPercent])).toEqual([
      ["2026-03-05T08:00:00.000Z", 10],
      ["2026-03-09T11:00:00.000Z", 20],
      ["2026-03-10T11:00:00.000Z", 40],
      ["2026-03-10T12:00:00.000Z", 60],
    ]);
    const month = await api.hostMetrics.series({ ...input, range: "30d" });
    expect(month).toHaveLength(4);
  });

  it("is not found for a host of another team, even with the team's own id", async () => {
    const acme = await demoHostByName(db(), "Acme Production");
    const initech = await demoHostByName(db(), "Initech Production");
    const api = await managerOfAcme();
    await expect(
      api.hostMetrics.series({ teamId: acme.teamId, hostId: initech.id, range: "24h" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
