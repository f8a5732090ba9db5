import "server-only";
import { type Clock, systemClock } from "@/server/clock";
import {
  backupAnswerSchema,
  backupsSchema,
  clientsSchema,
  databaseChangeSchema,
  databasesSchema,
  emptySchema,
  restoredDatabaseSchema,
  scheduleAnswerSchema,
  schedulesSchema,
  serverMetadataSchema,
  serverStatusSchema,
  statisticsSchema,
} from "./admin-api-schemas";
import type { HostDriver, Schedule } from "./host-driver";
import { HostApiError } from "./host-errors";
import { createTokenSession } from "./token-session";
import { createTransport, type TransportOptions } from "./transport";

export interface FileMakerAdminOptions extends TransportOptions {
  adminUser: string;
  adminPassword: string;
  clock?: Clock;
}

/** The host driver for anything that speaks the FileMaker Admin API v2: FileMaker Cloud and FileMaker Server. */
export function createFileMakerAdminDriver(options: FileMakerAdminOptions): HostDriver {
  const session = createTokenSession({
    transport: createTransport(options),
    adminUser: options.adminUser,
    adminPassword: options.adminPassword,
    clock: options.clock ?? systemClock,
  });

  async function changeDatabase(databaseId: string, change: Record<string, unknown>) {
    const path = `databases/${encodeURIComponent(databaseId)}`;
    const answer = await session.call(
      { method: "PATCH", path, body: change },
      databaseChangeSchema,
      "Changing a database",
    );
    return answer.database.status;
  }

  async function changeSchedule(scheduleId: string, change: { enabled?: boolean; run?: boolean }) {
    const path = `schedules/${encodeURIComponent(scheduleId)}`;
    const answer = await session.call(
      { method: "PATCH", path, body: change },
      scheduleAnswerSchema,
      "Changing a schedule",
    );
    return toSchedule(answer.schedule);
  }

  /** Statistics and backup lists are this platform's additions: a server without them answers 404. */
  async function unlessAbsent<T>(read: () => Promise<T>) {
    try {
      return await read();
    } catch (error) {
      if (error instanceof HostApiError && error.httpStatus === 404) return null;
      throw error;
    }
  }

  return {
    async serverVersion() {
      const answer = await session.call(
        { method: "GET", path: "server/metadata" },
        serverMetadataSchema,
        "Reading the version",
      );
      return answer.ServerVersion;
    },
    async isRunning() {
      return (await session.call({ method: "GET", path: "server/status" }, serverStatusSchema, "Reading the status"))
        .running;
    },
    async stopServer() {
      await session.call(
        { method: "PATCH", path: "server/status", body: { running: false } },
        serverStatusSchema,
        "Stopping",
      );
    },
    async startServer() {
      await session.call(
        { method: "PATCH", path: "server/status", body: { running: true } },
        serverStatusSchema,
        "Starting",
      );
    },
    async listDatabases() {
      const answer = await session.call({ method: "GET", path: "databases" }, databasesSchema, "Listing databases");
      return answer.databases.map((database) => ({
        id: database.id,
        filename: database.filename,
        status: database.status,
        sizeBytes: database.size,
        clients: database.clients,
        encrypted: database.isEncrypted,
      }));
    },
    openDatabase: (databaseId, { key, saveKey } = {}) =>
      changeDatabase(databaseId, {
        status: "OPENED",
        ...(key === undefined ? {} : { key, saveKey: saveKey ?? false }),
      }),
    closeDatabase: (databaseId, { force } = {}) =>
      changeDatabase(databaseId, { status: "CLOSED", force: force ?? false }),
    pauseDatabase: (databaseId) => changeDatabase(databaseId, { status: "PAUSED" }),
    resumeDatabase: (databaseId) => changeDatabase(databaseId, { status: "RESUMED" }),
    async listClients() {
      const answer = await session.call({ method: "GET", path: "clients" }, clientsSchema, "Listing clients");
      return answer.clients.map((client) => ({
        id: client.id,
        userName: client.userName,
        computerName: client.computerName,
        ipAddress: client.ipaddress,
        appType: client.appType,
        connectedAt: new Date(client.connectTime),
        filenames: client.guestFiles.map((file) => file.filename),
      }));
    },
    async sendMessage(clientId, text) {
      const path = `clients/${encodeURIComponent(clientId)}/message`;
      await session.call({ method: "PUT", path, body: { messageText: text } }, emptySchema, "Sending a message");
    },
    async disconnectClient(clientId, { graceSeconds, message }) {
      const path = `clients/${encodeURIComponent(clientId)}`;
      const body = { graceTime: graceSeconds, ...(message === undefined ? {} : { messageText: message }) };
      await session.call({ method: "DELETE", path, body }, emptySchema, "Disconnecting a client");
    },
    async listSchedules() {
      const answer = await session.call({ method: "GET", path: "schedules" }, schedulesSchema, "Listing schedules");
      return answer.schedules.map(toSchedule);
    },
    runSchedule: (scheduleId) => changeSchedule(scheduleId, { run: true }),
    setScheduleEnabled: (scheduleId, enabled) => changeSchedule(scheduleId, { enabled }),
    async createBackupSchedule({ name, everyMinutes, maxBackups }) {
      const body = { backupType: { name, resourceType: "ALL_DB", everyMinutes, maxBackups } };
      const answer = await session.call(
        { method: "POST", path: "schedules/backup", body },
        scheduleAnswerSchema,
        "Creating a backup schedule",
      );
      return toSchedule(answer.schedule);
    },
    statistics: () =>
      unlessAbsent(() =>
        session.call({ method: "GET", path: "server/statistics" }, statisticsSchema, "Reading statistics"),
      ),
    listBackups: () =>
      unlessAbsent(async () => {
        const answer = await session.call({ method: "GET", path: "backups" }, backupsSchema, "Listing backups");
        return answer.backups.map(toBackup);
      }),
    async backUpNow() {
      const answer = await session.call({ method: "POST", path: "backups" }, backupAnswerSchema, "Taking a backup");
      return toBackup(answer.backup);
    },
    async restoreBackup(backupId, { filename, targetFilename, replace }) {
      const path = `backups/${encodeURIComponent(backupId)}/restore`;
      const answer = await session.call(
        { method: "POST", path, body: { filename, targetFilename, replace } },
        restoredDatabaseSchema,
        "Restoring a backup",
      );
      return { id: answer.database.id, filename: answer.database.filename };
    },
    close: () => session.close(),
  };
}

function toBackup<T extends { takenAt: string }>(backup: T) {
  return { ...backup, takenAt: new Date(backup.takenAt) };
}

function toSchedule(schedule: {
  id: string;
  name: string;
  taskType: string;
  enabled: boolean;
  lastRun: string | null;
  nextRun: string | null;
}): Schedule {
  return {
    ...schedule,
    lastRun: schedule.lastRun === null ? null : new Date(schedule.lastRun),
    nextRun: schedule.nextRun === null ? null : new Date(schedule.nextRun),
  };
}
