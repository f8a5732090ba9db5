import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, customApps, hostOperations, hosts, teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import type { HostsEmulator } from "@/hosts-emulator/emulator";
import { noRequest, systemActor } from "../../actor";
import { fixedClock } from "../../clock";
import type { createCaller } from "../../routers/root";
import { demoTeamId } from "../../testing/demo";
import { demoHostByName, startDemoHostsEmulator } from "../../testing/demo-hosts-emulator";
import { outcomeOf } from "../../testing/procedures";
import { browserCaller, openSupportView, signInDemo, signInDemoSupport } from "../../testing/support-session";
import { readLiveState } from "../live-state";
import { refreshHost } from "../refresh-host";
import { INTERRUPTED_AFTER_MS, runHostOperationsJob } from "./run-operations-job";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock(new Date());
let emulator: HostsEmulator;
let manager: ReturnType<typeof createCaller>;
let teamId = "";
let production: Awaited<ReturnType<typeof demoHostByName>>;

beforeAll(async () => {
  emulator = await startDemoHostsEmulator(db(), clock);
  teamId = await demoTeamId(db(), "Acme Corp");
  for (const name of ["Acme Production", "Acme Staging"])
    await refreshHost(
      db(),
      { actor: systemActor("test"), clock, request: noRequest },
      await demoHostByName(db(), name),
    );
  production = await demoHostByName(db(), "Acme Production");
  manager = await browserCaller(db(), clock, { sessionId: await signInDemo(db(), clock, "manager@acme.example") });
});
afterAll(() => emulator.close());

const onProduction = () => ({ teamId, hostId: production.id });
const operation = async (id: string) => (await db().select().from(hostOperations).where(eq(hostOperations.id, id)))[0]!;
const appNamed = async (hostId: string, name: string) =>
  (
    await db()
      .select()
      .from(customApps)
      .where(and(eq(customApps.hostId, hostId), eq(customApps.name, name)))
  )[0]!;
const liveStateOf = async (hostId: string) =>
  readLiveState((await db().select().from(hosts).where(eq(hosts.id, hostId)))[0]!.liveState)!;
const eventsOf = (action: string) => db().select().from(auditEvents).where(eq(auditEvents.action, action));

/** Runs the job until the operation has finished, as the servers' job ticks would. */
async function ranToEnd(id: string) {
  await runHostOperationsJob(db(), clock);
  return operation(id);
}

describe("a host operation", () => {
  it("is queued once for two Restart host requests at once, and the host restarts once", async () => {
    const [first, second] = await Promise.all([
      manager.hostOperations.restartHost(onProduction()),
      manager.hostOperations.restartHost(onProduction()),
    ]);
    expect(second).toEqual(first);
    expect(first.status).toBe("queued");
    const requested = (await eventsOf("host.operation_requested")).filter(
      (e) => (e.after as { operationId: string }).operationId === first.id,
    );
    expect(requested).toHaveLength(1);

    const done = await ranToEnd(first.id);
    expect(done).toMatchObject({ status: "succeeded", before: { running: true }, after: { running: true } });
    expect(done.startedAt).not.toBeNull();
    const succeeded = (await eventsOf("host.operation_succeeded")).filter(
      (e) => (e.after as { operationId: string }).operationId === first.id,
    );
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]!.after).toMatchObject({ kind: "restart_host" });
  });

  it("refuses a different request while one is queued, naming the one in progress", async () => {
    const restart = await manager.hostOperations.restartHost(onProduction());
    const other = await outcomeOf(manager.hostOperations.backUpNow(onProduction()));
    expect(other.ok ? "queued" : [other.error.code, other.error.message]).toEqual([
      "CONFLICT",
      "Restart host is already queued on Acme Production; try again when it has finished.",
    ]);
    expect((await ranToEnd(restart.id)).status).toBe("succeeded");
  });

  it("closes and opens a database, and the host's page shows each change", async () => {
    const invoices = await appNamed(production.id, "Invoices");
    const close = await manager.hostOperations.closeDatabase({
      ...onProduction(),
      customAppId: invoices.id,
      force: true,
    });
    expect(await ranToEnd(close.id)).toMatchObject({
      status: "succeeded",
      before: { status: "NORMAL" },
      after: { status: "CLOSED" },
    });
    expect((await appNamed(production.id, "Invoices")).status).toBe("closed");

    const open = await manager.hostOperations.openDatabase({ ...onProduction(), customAppId: invoices.id });
    expect((await ranToEnd(open.id)).status).toBe("succeeded");
    expect((await appNamed(production.id, "Invoices")).status).toBe("open");
  });

  it("ends failed with the host's own words when the host refuses", async () => {
    const invoices = await appNamed(production.id, "Invoices");
    const close = await manager.hostOperations.closeDatabase({ ...onProduction(), customAppId: invoices.id });
    await ranToEnd(close.id);
    const pause = await manager.hostOperations.pauseDatabase({ ...onProduction(), customAppId: invoices.id });
    expect(await ranToEnd(pause.id)).toMatchObject({ status: "failed", failure: "The database is not open" });
    const [failed] = (await eventsOf("host.operation_failed")).filter(
      (e) => (e.after as { operationId: string }).operationId === pause.id,
    );
    expect(failed!.after).toMatchObject({ failure: "The database is not open" });
    const open = await manager.hostOperations.openDatabase({ ...onProduction(), customAppId: invoices.id });
    await ranToEnd(open.id);
  });

  it("sends a message to a connected client and disconnects another", async () => {
    // The restarts above disconnected everyone: two people connect again, and the next look sees them.
    const emulatedHost = emulator.host("acme-production");
    emulatedHost.connectClient("Invoices.fmp12", "Dana Scully", clock.now());
    emulatedHost.connectClient("Inventory.fmp12", "Fox Mulder", clock.now());
    await refreshHost(db(), { actor: systemActor("test"), clock, request: noRequest }, production);
    const [reader, leaver] = (await liveStateOf(production.id)).clients;
    const send = await manager.hostOperations.sendMessage({
      ...onProduction(),
      clientId: reader!.id,
      message: "The server restarts at noon.",
    });
    expect((await ranToEnd(send.id)).status).toBe("succeeded");
    const emulated = emulatedHost.clients();
    expect(emulated.find((c) => c.id === reader!.id)!.messages).toEqual(["The server restarts at noon."]);

    const disconnect = await manager.hostOperations.disconnectClient({
      ...onProduction(),
      clientId: leaver!.id,
      graceSeconds: 0,
      message: "Please sign in again later.",
    });
    expect((await ranToEnd(disconnect.id)).status).toBe("succeeded");
    expect(emulatedHost.clients().map((c) => c.id)).not.toContain(leaver!.id);
    expect((await liveStateOf(production.id)).clients.map((c) => c.id)).not.toContain(leaver!.id);
  });

  it("backs up now and restores a database of the backup under a new name", async () => {
    const before = (await liveStateOf(production.id)).backups!.length;
    const backUp = await manager.hostOperations.backUpNow(onProduction());
    const done = await ranToEnd(backUp.id);
    expect(done.status).toBe("succeeded");
    const backups = (await liveStateOf(production.id)).backups!;
    expect(backups).toHaveLength(before + 1);
    const backup = backups.find((b) => b.id === (done.after as { backupId: string }).backupId)!;

    const restore = await manager.hostOperations.restoreBackup({
      ...onProduction(),
      backupId: backup.id,
      filename: "Invoices.fmp12",
      targetName: "Invoices restored",
      replace: false,
    });
    expect((await ranToEnd(restore.id)).status).toBe("succeeded");
    expect(await appNamed(production.id, "Invoices restored")).toMatchObject({ status: "open" });

    const replace = await outcomeOf(
      manager.hostOperations.restoreBackup({
        ...onProduction(),
        backupId: backup.id,
        filename: "Invoices.fmp12",
        targetName: "Invoices",
        replace: true,
        confirmName: "invoices",
      }),
    );
    expect(replace.ok ? "queued" : replace.error.message).toBe("Type Invoices exactly to replace it.");
    const without = await outcomeOf(
      manager.hostOperations.restoreBackup({
        ...onProduction(),
        backupId: backup.id,
        filename: "Invoices.fmp12",
        targetName: "Invoices",
        replace: false,
      }),
    );
    expect(without.ok ? "queued" : without.error.code).toBe("CONFLICT");
  });

  it("refuses targets the host does not have", async () => {
    const client = await outcomeOf(
      manager.hostOperations.sendMessage({ ...onProduction(), clientId: "no-such-client", message: "Hello" }),
    );
    expect(client.ok ? "queued" : client.error.message).toBe("This client is no longer connected to Acme Production.");
    const schedule = await outcomeOf(manager.hostOperations.runSchedule({ ...onProduction(), scheduleId: "404" }));
    expect(schedule.ok ? "queued" : schedule.error.message).toBe("This schedule is not on Acme Production.");
    const staging = await demoHostByName(db(), "Acme Staging");
    const foreignApp = await appNamed(staging.id, "Inventory Test");
    const app = await outcomeOf(
      manager.hostOperations.pauseDatabase({ ...onProduction(), customAppId: foreignApp.id }),
    );
    expect(app.ok ? "queued" : app.error.message).toBe("This database is not on Acme Production.");
    const start = await outcomeOf(manager.hostOperations.startHost(onProduction()));
    expect(start.ok ? "queued" : start.error.message).toBe("Acme Production is already running.");
  });

  it("runs and disables a schedule", async () => {
    const [schedule] = (await liveStateOf(production.id)).schedules;
    const run = await manager.hostOperations.runSchedule({ ...onProduction(), scheduleId: schedule!.id });
    expect((await ranToEnd(run.id)).status).toBe("succeeded");
    const disable = await manager.hostOperations.setScheduleEnabled({
      ...onProduction(),
      scheduleId: schedule!.id,
      enabled: false,
    });
    expect(await ranToEnd(disable.id)).toMatchObject({ kind: "disable_schedule", after: { enabled: false } });
    expect((await liveStateOf(production.id)).schedules.find((s) => s.id === schedule!.id)!.enabled).toBe(false);
  });

  it("opens an encrypted database with its key and keeps the key out of the row and the audit", async () => {
    const staging = await demoHostByName(db(), "Acme Staging");
    const onStaging = { teamId, hostId: staging.id };
    const start = await manager.hostOperations.startHost(onStaging);
    expect(await ranToEnd(start.id)).toMatchObject({ status: "succeeded", after: { running: true } });
    const app = await appNamed(staging.id, "Inventory Test");
    expect(app).toMatchObject({ status: "closed", encrypted: true });

    const key = "demo-encryption-key";
    const open = await manager.hostOperations.openDatabase({
      ...onStaging,
      customAppId: app.id,
      encryptionKey: key,
      saveKey: true,
    });
    const queued = await operation(open.id);
    expect(JSON.stringify(queued)).not.toContain(key);
    expect(queued.parameters).toHaveProperty("encryptionKeyEncrypted");
    const done = await ranToEnd(open.id);
    expect(done.status).toBe("succeeded");
    expect(done.parameters).not.toHaveProperty("encryptionKeyEncrypted");
    expect(JSON.stringify(done)).not.toContain(key);
    expect((await appNamed(staging.id, "Inventory Test")).status).toBe("open");
    const encrypted = (queued.parameters as { encryptionKeyEncrypted: string }).encryptionKeyEncrypted;
    const audit = JSON.stringify(await db().select().from(auditEvents));
    expect(audit).not.toContain(key);
    expect(audit).not.toContain(encrypted);
    const listed = JSON.stringify(await manager.hostOperations.list(onStaging));
    expect(listed).not.toContain(encrypted);
  });

  it("is never run twice by two runners at once", async () => {
    const backUp = await manager.hostOperations.backUpNow(onProduction());
    const [a, b] = await Promise.all([runHostOperationsJob(db(), clock), runHostOperationsJob(db(), clock)]);
    expect(a.ran + b.ran).toBe(1);
    expect((await operation(backUp.id)).status).toBe("succeeded");
    const ends = (await eventsOf("host.operation_succeeded")).filter(
      (e) => (e.after as { operationId: string }).operationId === backUp.id,
    );
    expect(ends).toHaveLength(1);
  });

  it("left running by a server that died is marked failed as interrupted", async () => {
    const [stale] = await db()
      .insert(hostOperations)
      .values({
        teamId,
        hostId: production.id,
        kind: "back_up_now",
        status: "running",
        startedAt: new Date(clock.now().getTime() - INTERRUPTED_AFTER_MS - 1000),
      })
      .returning();
    await runHostOperationsJob(db(), clock);
    expect(await operation(stale!.id)).toMatchObject({ status: "failed", failure: "interrupted" });
  });

  it("lists the host's recent operations with who asked for them", async () => {
    const listed = await manager.hostOperations.list(onProduction());
    expect(listed.length).toBeGreaterThan(5);
    expect(listed[0]).toMatchObject({
      kind: "back_up_now",
      status: "failed",
      failure: "interrupted",
      requestedBy: null,
    });
    expect(listed.find((op) => op.kind === "restart_host")).toMatchObject({
      status: "succeeded",
      requestedBy: "Marcus Reed",
    });
  });
});

describe("who may operate a host", () => {
  it("refuses a support session", async () => {
    const staffSessionId = await signInDemoSupport(db(), clock);
    const view = await openSupportView(db(), clock, { teamId, grantedBy: "manager@acme.example", staffSessionId });
    const support = await browserCaller(db(), clock, {
      sessionId: staffSessionId,
      supportSessionId: view.supportSessionId,
    });
    const attempt = await outcomeOf(support.hostOperations.restartHost(onProduction()));
    expect(attempt.ok ? "queued" : attempt.error.message).toBe("Support sessions are read-only.");
    expect((await support.hostOperations.list(onProduction())).length).toBeGreaterThan(0);
  });

  it("refuses the people of a terminated team", async () => {
    const [team] = await db().select().from(teams).where(eq(teams.id, teamId));
    await db().update(teams).set({ status: "terminated" }).where(eq(teams.id, teamId));
    try {
      const attempt = await outcomeOf(manager.hostOperations.restartHost(onProduction()));
      expect(attempt.ok ? "queued" : attempt.error.code).toBe("PRECONDITION_FAILED");
    } finally {
      await db().update(teams).set({ status: team!.status }).where(eq(teams.id, teamId));
    }
  });
});
