import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, customApps, hosts } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import type { HostsEmulator } from "@/hosts-emulator/emulator";
import { noRequest, systemActor } from "../actor";
import { fixedClock } from "../clock";
import { demoHostByName, startDemoHostsEmulator } from "../testing/demo-hosts-emulator";
import { refreshHost } from "./refresh-host";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock(new Date());
const ctx = { actor: systemActor("Host poll"), clock, request: noRequest };
let emulator: HostsEmulator;

beforeAll(async () => {
  emulator = await startDemoHostsEmulator(db(), clock);
});
afterAll(() => emulator.close());

const appsOf = (hostId: string) =>
  db().select().from(customApps).where(eq(customApps.hostId, hostId)).orderBy(customApps.name);

describe("looking at a host through its Admin API", () => {
  it("records its status, version, clients, schedules and backups, and keeps its custom apps in step with its databases", async () => {
    const production = await demoHostByName(db(), "Acme Production");
    const observation = await refreshHost(db(), ctx, production);
    expect(observation?.running).toBe(true);
    const [row] = await db().select().from(hosts).where(eq(hosts.id, production.id));
    expect(row).toMatchObject({ status: "running", filemakerVersion: "22.0.2.204", lastPollError: null });
    expect(row!.liveState).toMatchObject({
      clients: expect.arrayContaining([expect.objectContaining({ userName: "Dana Scully" })]),
    });
    const apps = await appsOf(production.id);
    expect(apps.map((app) => [app.name, app.status, app.clients])).toEqual([
      ["Customer CRM", "open", 1],
      ["Inventory", "open", 1],
      ["Invoices", "open", 1],
      ["Timesheets", "paused", 0],
    ]);
    expect(apps.every((app) => app.databaseId !== null)).toBe(true);

    // A database restored under a new name becomes an app; a stopped server closes them all.
    const backup = emulator.host("acme-production").backUpNow(clock.now());
    emulator.host("acme-production").restoreBackup(backup.id, "Invoices.fmp12", "Invoices 2025.fmp12", false);
    emulator.host("acme-production").setRunning(false);
    clock.advance(60_000);
    await refreshHost(db(), ctx, { ...production, status: "running" });
    const stopped = await appsOf(production.id);
    expect(stopped.map((app) => [app.name, app.status])).toContainEqual(["Invoices 2025", "closed"]);
    expect(stopped.every((app) => app.status === "closed")).toBe(true);
    const [afterStop] = await db().select().from(hosts).where(eq(hosts.id, production.id));
    expect(afterStop).toMatchObject({ status: "stopped", statusSince: clock.now(), startedAt: null });
    const created = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "custom_app.created"), eq(auditEvents.actorType, "system")));
    expect(created.length).toBeGreaterThan(0);
    emulator.host("acme-production").setRunning(true);
  });

  it("marks a host it cannot reach as unreachable since the first failed look, with the failure's words", async () => {
    // Nothing listens on the discard port.
    const staging = { ...(await demoHostByName(db(), "Acme Staging")), adminApiUrl: "http://127.0.0.1:9/hosts/x" };
    expect(await refreshHost(db(), ctx, staging)).toBeNull();
    const [row] = await db().select().from(hosts).where(eq(hosts.id, staging.id));
    expect(row!.status).toBe("unreachable");
    expect(row!.lastPollError).toMatch(/could not be reached/);
  });
});
