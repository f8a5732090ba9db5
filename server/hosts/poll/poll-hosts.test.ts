import { eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostOperations, hosts, teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import type { HostsEmulator } from "@/hosts-emulator/emulator";
import { fixedClock } from "../../clock";
import { demoHostByName, startDemoHostsEmulator } from "../../testing/demo-hosts-emulator";
import { runHostOperationsJob } from "../operations/run-operations-job";
import { pollHosts } from "./poll-hosts";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock(new Date());
let emulator: HostsEmulator;

beforeAll(async () => {
  emulator = await startDemoHostsEmulator(db(), clock);
});
afterAll(() => emulator.close());

const hostRow = async (name: string) => {
  const { id } = await demoHostByName(db(), name);
  const [row] = await db().select().from(hosts).where(eq(hosts.id, id));
  return row!;
};

describe("the host poll", () => {
  it("looks at every due host once a minute, even when two servers poll at the same moment", async () => {
    const due = await db().select({ id: hosts.id }).from(hosts).where(ne(hosts.status, "terminated"));
    expect(due.length).toBeGreaterThan(1);

    const [first, second] = await Promise.all([pollHosts(db(), clock), pollHosts(db(), clock)]);
    expect(first!.polled + second!.polled).toBe(due.length);
    expect(first!.reached + second!.reached).toBe(due.length);
    const rows = await db().select().from(hosts);
    for (const row of rows) {
      expect(row.lastPolledAt).toEqual(clock.now());
      expect(row.nextPollAt).toEqual(new Date(clock.now().getTime() + 60_000));
    }

    clock.advance(30_000);
    expect((await pollHosts(db(), clock)).polled).toBe(0);
    clock.advance(30_000);
    expect((await pollHosts(db(), clock)).polled).toBe(due.length);
  });

  it("records a running host as running and a stopped one as stopped", async () => {
    clock.advance(60_000);
    await pollHosts(db(), clock);
    expect(await hostRow("Acme Production")).toMatchObject({ status: "running", lastPollError: null });
    expect(await hostRow("Acme Staging")).toMatchObject({ status: "stopped", startedAt: null });
  });

  it("marks a host it cannot reach as unreachable since the first failed look, and running again once it answers", async () => {
    const production = await hostRow("Acme Production");
    // Nothing listens on the discard port.
    await db()
      .update(hosts)
      .set({ adminApiUrl: "http://127.0.0.1:9/hosts/acme-production" })
      .where(eq(hosts.id, production.id));
    clock.advance(60_000);
    const failedAt = clock.now();
    await pollHosts(db(), clock);
    expect(await hostRow("Acme Production")).toMatchObject({
      status: "unreachable",
      statusSince: failedAt,
      lastPollError: expect.stringMatching(/could not be reached/),
    });

    clock.advance(60_000);
    await pollHosts(db(), clock);
    expect(await hostRow("Acme Production")).toMatchObject({ status: "unreachable", statusSince: failedAt });

    await db().update(hosts).set({ adminApiUrl: production.adminApiUrl }).where(eq(hosts.id, production.id));
    clock.advance(60_000);
    await pollHosts(db(), clock);
    expect(await hostRow("Acme Production")).toMatchObject({
      status: "running",
      statusSince: clock.now(),
      lastPollError: null,
    });
  });

  it("queues the stop of a terminated team's cloud host it finds running, which the operations job then stops", async () => {
    const northwind = await hostRow("Northwind Production");
    await db().update(teams).set({ status: "terminated" }).where(eq(teams.id, northwind.teamId));
    clock.advance(60_000);
    await pollHosts(db(), clock);
    const [queued] = await db().select().from(hostOperations).where(eq(hostOperations.hostId, northwind.id));
    expect(queued).toMatchObject({ kind: "stop_host", status: "queued", requestedByAccountId: null });

    await runHostOperationsJob(db(), clock);
    expect(emulator.host("northwind-production").isRunning()).toBe(false);
    expect(await hostRow("Northwind Production")).toMatchObject({ status: "stopped" });
    clock.advance(60_000);
    await pollHosts(db(), clock);
    const operations = await db().select().from(hostOperations).where(eq(hostOperations.hostId, northwind.id));
    expect(operations).toHaveLength(1);
    await db().update(teams).set({ status: "active" }).where(eq(teams.id, northwind.teamId));
  });

  it("leaves terminated hosts and the hosts of purged teams alone", async () => {
    const production = await hostRow("Acme Production");
    const initech = await hostRow("Initech Production");
    await db().update(hosts).set({ status: "terminated" }).where(eq(hosts.id, production.id));
    await db().update(teams).set({ status: "purged" }).where(eq(teams.id, initech.teamId));
    clock.advance(60_000);
    const { polled } = await pollHosts(db(), clock);
    const all = await db().select({ id: hosts.id }).from(hosts);
    expect(polled).toBe(all.length - 2);
    const untouched = await db()
      .select({ lastPolledAt: hosts.lastPolledAt })
      .from(hosts)
      .where(inArray(hosts.id, [production.id, initech.id]));
    expect(untouched.every((row) => row.lastPolledAt!.getTime() < clock.now().getTime())).toBe(true);
  });
});
