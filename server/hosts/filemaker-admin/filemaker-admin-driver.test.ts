import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type HostsEmulator, startHostsEmulator } from "@/hosts-emulator/emulator";
import { fixedClock } from "@/server/clock";
import { createFileMakerAdminDriver } from "./filemaker-admin-driver";
import type { HostDriver } from "./host-driver";
import { HostApiError, HostAuthFailed } from "./host-errors";

const MINUTE = 60_000;
let clock: ReturnType<typeof fixedClock>;
let emulator: HostsEmulator;
let driver: HostDriver;

beforeEach(async () => {
  clock = fixedClock("2026-03-02T09:00:00Z");
  emulator = await startHostsEmulator({
    clock,
    hosts: [
      {
        id: "acme",
        adminUser: "admin",
        adminPassword: "right-password",
        databases: [
          { filename: "Invoices.fmp12", sizeBytes: 400_000_000 },
          { filename: "Contacts.fmp12", sizeBytes: 90_000_000, status: "CLOSED" },
          { filename: "Payroll.fmp12", sizeBytes: 10_000_000, status: "CLOSED", encryptionKey: "s3cret" },
        ],
      },
      { id: "plain", adminUser: "admin", adminPassword: "right-password", platformCalls: false },
    ],
  });
  driver = createFileMakerAdminDriver({
    baseUrl: emulator.url("acme"),
    adminUser: "admin",
    adminPassword: "right-password",
    clock,
  });
});

afterEach(async () => {
  await driver.close();
  await emulator.close();
});

async function databaseNamed(filename: string) {
  const found = (await driver.listDatabases()).find((database) => database.filename === filename);
  if (!found) throw new Error(`no ${filename}`);
  return found;
}

async function refusalOf(action: Promise<unknown>) {
  const error = await action.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HostApiError);
  const { httpStatus, apiCode, apiText } = error as HostApiError;
  return { httpStatus, apiCode, apiText };
}

describe("the FileMaker Admin API driver", () => {
  it("reads the server's version and running state", async () => {
    expect(await driver.serverVersion()).toBe("21.1.1.41");
    expect(await driver.isRunning()).toBe(true);
  });

  it("lists the databases with their status, size and clients", async () => {
    expect(await driver.listDatabases()).toEqual([
      {
        id: expect.any(String),
        filename: "Invoices.fmp12",
        status: "NORMAL",
        sizeBytes: 400_000_000,
        clients: 0,
        encrypted: false,
      },
      {
        id: expect.any(String),
        filename: "Contacts.fmp12",
        status: "CLOSED",
        sizeBytes: 90_000_000,
        clients: 0,
        encrypted: false,
      },
      {
        id: expect.any(String),
        filename: "Payroll.fmp12",
        status: "CLOSED",
        sizeBytes: 10_000_000,
        clients: 0,
        encrypted: true,
      },
    ]);
  });

  it("closes, opens, pauses and resumes a database", async () => {
    const invoices = await databaseNamed("Invoices.fmp12");
    expect(await driver.closeDatabase(invoices.id, { force: true })).toBe("CLOSED");
    expect((await databaseNamed("Invoices.fmp12")).status).toBe("CLOSED");
    expect(await driver.openDatabase(invoices.id)).toBe("NORMAL");
    expect(await driver.pauseDatabase(invoices.id)).toBe("PAUSED");
    expect((await databaseNamed("Invoices.fmp12")).status).toBe("PAUSED");
    expect(await driver.resumeDatabase(invoices.id)).toBe("NORMAL");
  });

  it("passes on the API's refusal to pause a closed database or resume one that is not paused", async () => {
    const contacts = await databaseNamed("Contacts.fmp12");
    expect(await refusalOf(driver.pauseDatabase(contacts.id))).toEqual({
      httpStatus: 400,
      apiCode: "3",
      apiText: "The database is not open",
    });
    expect(await refusalOf(driver.resumeDatabase(contacts.id))).toMatchObject({
      apiText: "The database is not paused",
    });
    expect((await databaseNamed("Contacts.fmp12")).status).toBe("CLOSED");
  });

  it("passes on the API's answer for a database it does not host", async () => {
    expect(await refusalOf(driver.openDatabase("999"))).toEqual({
      httpStatus: 404,
      apiCode: "100",
      apiText: "Database is missing",
    });
  });

  it("opens an encrypted database only with its key, and keeps a saved key for the next start", async () => {
    const payroll = await databaseNamed("Payroll.fmp12");
    expect(await refusalOf(driver.openDatabase(payroll.id))).toMatchObject({ apiCode: "960" });
    expect(await refusalOf(driver.openDatabase(payroll.id, { key: "wrong" }))).toMatchObject({ apiCode: "960" });
    expect(await driver.openDatabase(payroll.id, { key: "s3cret", saveKey: true })).toBe("NORMAL");

    await driver.stopServer();
    await driver.startServer();
    expect((await databaseNamed("Payroll.fmp12")).status).toBe("NORMAL");
  });

  it("stops a server, which then has no open databases and refuses database changes, and starts it again", async () => {
    const invoices = await databaseNamed("Invoices.fmp12");
    emulator.host("acme").connectClient("Invoices.fmp12", "Ann", clock.now());

    await driver.stopServer();
    expect(await driver.isRunning()).toBe(false);
    expect((await driver.listDatabases()).map((database) => database.status)).toEqual(["CLOSED", "CLOSED", "CLOSED"]);
    expect(await driver.listClients()).toEqual([]);
    expect(await refusalOf(driver.openDatabase(invoices.id))).toEqual({
      httpStatus: 400,
      apiCode: "3",
      apiText: "The database server is stopped",
    });

    await driver.startServer();
    expect(await driver.isRunning()).toBe(true);
    expect((await databaseNamed("Invoices.fmp12")).status).toBe("NORMAL");
  });

  it("lists connected clients, sends one a message and disconnects them at once or after a grace time", async () => {
    const host = emulator.host("acme");
    const ann = host.connectClient("Invoices.fmp12", "Ann Jansen", clock.now());
    const bram = host.connectClient("Invoices.fmp12", "Bram de Vries", clock.now());
    const clients = await driver.listClients();
    expect(clients.map((client) => [client.userName, client.filenames])).toEqual([
      ["Ann Jansen", ["Invoices.fmp12"]],
      ["Bram de Vries", ["Invoices.fmp12"]],
    ]);
    expect((await databaseNamed("Invoices.fmp12")).clients).toBe(2);

    await driver.sendMessage(ann, "The server restarts at noon");
    expect(host.clients().find((client) => client.id === ann)?.messages).toEqual(["The server restarts at noon"]);

    await driver.disconnectClient(ann, { graceSeconds: 0 });
    await driver.disconnectClient(bram, { graceSeconds: 120, message: "Please save your work" });
    expect(host.clients().find((client) => client.id === bram)?.messages).toEqual(["Please save your work"]);
    expect((await driver.listClients()).map((client) => client.id)).toEqual([bram]);
    clock.advance(3 * MINUTE);
    expect((await driver.listClients()).map((client) => client.id)).not.toContain(bram);
  });

  it("passes on the API's answer for a client that is not connected", async () => {
    expect(await refusalOf(driver.sendMessage("999", "hello"))).toMatchObject({ httpStatus: 404, apiCode: "101" });
    expect(await refusalOf(driver.disconnectClient("999", { graceSeconds: 0 }))).toMatchObject({ httpStatus: 404 });
  });

  it("lists schedules, whose backup runs every 20 minutes, on demand, and not while disabled", async () => {
    const backup = (await driver.listSchedules()).find((schedule) => schedule.taskType === "BACKUP")!;
    expect(backup).toMatchObject({ name: "Every 20 minutes", enabled: true, lastRun: null });

    clock.advance(60 * MINUTE);
    expect(await driver.listBackups()).toHaveLength(3);

    const ranNow = await driver.runSchedule(backup.id);
    expect(ranNow.lastRun).toEqual(clock.now());
    expect(await driver.listBackups()).toHaveLength(4);

    expect((await driver.setScheduleEnabled(backup.id, false)).enabled).toBe(false);
    clock.advance(60 * MINUTE);
    expect(await driver.listBackups()).toHaveLength(4);
    expect(await refusalOf(driver.runSchedule("999"))).toMatchObject({ httpStatus: 404 });
  });

  it("creates a backup schedule that then takes backups of its own", async () => {
    const created = await driver.createBackupSchedule({ name: "Hourly", everyMinutes: 60, maxBackups: 2 });
    expect((await driver.listSchedules()).map((schedule) => schedule.name)).toContain("Hourly");
    clock.advance(5 * 60 * MINUTE);
    const own = (await driver.listBackups())!.filter((taken) => taken.scheduleId === created.id);
    expect(own).toHaveLength(2);
  });

  it("takes a backup on demand of the open databases, and restores one under a new name or, when told, over its original", async () => {
    const taken = await driver.backUpNow();
    expect(taken.databases).toEqual([{ filename: "Invoices.fmp12", sizeBytes: 400_000_000 }]);
    expect((await driver.listBackups())!.map((backup) => backup.id)).toContain(taken.id);

    const restored = await driver.restoreBackup(taken.id, {
      filename: "Invoices.fmp12",
      targetFilename: "Invoices restored.fmp12",
      replace: false,
    });
    expect(restored.filename).toBe("Invoices restored.fmp12");
    expect((await databaseNamed("Invoices restored.fmp12")).status).toBe("NORMAL");

    const overOriginal = { filename: "Invoices.fmp12", targetFilename: "Invoices.fmp12", replace: false };
    expect(await refusalOf(driver.restoreBackup(taken.id, overOriginal))).toMatchObject({
      httpStatus: 400,
      apiText: "A database with this name already exists",
    });
    await driver.restoreBackup(taken.id, { ...overOriginal, replace: true });
    expect(await refusalOf(driver.restoreBackup("999", overOriginal))).toMatchObject({
      httpStatus: 404,
      apiText: "Backup is missing",
    });
    expect(
      await refusalOf(driver.restoreBackup(taken.id, { ...overOriginal, targetFilename: "../escape.fmp12" })),
    ).toMatchObject({ httpStatus: 400, apiText: "Parameter is invalid" });

    await driver.stopServer();
    expect(await refusalOf(driver.backUpNow())).toMatchObject({ apiText: "The database server is stopped" });
  });

  it("reads no load figures and no backups from a FileMaker Server that does not offer them", async () => {
    const plain = createFileMakerAdminDriver({
      baseUrl: emulator.url("plain"),
      adminUser: "admin",
      adminPassword: "right-password",
    });
    expect(await plain.statistics()).toBeNull();
    expect(await plain.listBackups()).toBeNull();
    expect((await plain.listDatabases()).length).toBeGreaterThan(0);
    await plain.close();
  });

  it("reads load figures that move as time passes", async () => {
    const before = (await driver.statistics())!;
    expect(before.storageBytes).toBe(500_000_000);
    clock.advance(45 * MINUTE);
    const after = (await driver.statistics())!;
    expect(after.cpuPercent).not.toBe(before.cpuPercent);
    expect(after.connectedClients).toBe((await driver.listClients()).length);
  });

  it("reports a wrong admin password as an authentication failure with the API's message", async () => {
    const wrong = createFileMakerAdminDriver({
      baseUrl: emulator.url("acme"),
      adminUser: "admin",
      adminPassword: "nope",
    });
    const error = await wrong.listDatabases().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostAuthFailed);
    expect(error).toMatchObject({ httpStatus: 401, apiCode: "212", apiText: "Invalid user account and/or password" });
  });
});
