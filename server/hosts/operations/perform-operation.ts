import "server-only";
import { decrypt } from "../../crypto/encryption";
import { keyRing } from "../../crypto/key-ring";
import type { HostDriver } from "../filemaker-admin/host-driver";
import type { HostOperationKind, OperationParameters } from "./operation-parameters";
import { restoredFilename } from "./restore-name";

/** What an operation changed, as the host answered: recorded on the operation and in its audit event. */
export interface OperationOutcome {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** Asks the host for one operation through its Admin API; a refusal comes back as the driver's error. */
export async function performOperation(
  driver: HostDriver,
  kind: HostOperationKind,
  parameters: OperationParameters,
): Promise<OperationOutcome> {
  const databaseId = parameters.databaseId ?? "";
  const scheduleId = parameters.scheduleId ?? "";
  switch (kind) {
    case "stop_host":
    case "start_host":
    case "restart_host": {
      const before = { running: await driver.isRunning() };
      if (kind !== "start_host") await driver.stopServer();
      if (kind !== "stop_host") await driver.startServer();
      return { before, after: { running: await driver.isRunning() } };
    }
    case "open_database": {
      const before = await databaseStatus(driver, databaseId);
      const key = parameters.encryptionKeyEncrypted
        ? { key: decrypt(keyRing(), parameters.encryptionKeyEncrypted), saveKey: parameters.saveKey === true }
        : {};
      return { before, after: { status: await driver.openDatabase(databaseId, key) } };
    }
    case "close_database": {
      const before = await databaseStatus(driver, databaseId);
      return {
        before,
        after: { status: await driver.closeDatabase(databaseId, { force: parameters.force === true }) },
      };
    }
    case "pause_database": {
      const before = await databaseStatus(driver, databaseId);
      return { before, after: { status: await driver.pauseDatabase(databaseId) } };
    }
    case "resume_database": {
      const before = await databaseStatus(driver, databaseId);
      return { before, after: { status: await driver.resumeDatabase(databaseId) } };
    }
    case "send_message":
      await driver.sendMessage(parameters.clientId ?? "", parameters.message ?? "");
      return {};
    case "disconnect_client":
      await driver.disconnectClient(parameters.clientId ?? "", {
        graceSeconds: parameters.graceSeconds ?? 0,
        ...(parameters.message ? { message: parameters.message } : {}),
      });
      return {};
    case "back_up_now": {
      const backup = await driver.backUpNow();
      return { after: { backupId: backup.id, takenAt: backup.takenAt.toISOString(), sizeBytes: backup.sizeBytes } };
    }
    case "restore_backup": {
      const restored = await driver.restoreBackup(parameters.backupId ?? "", {
        filename: parameters.filename ?? "",
        targetFilename: restoredFilename(parameters.targetName ?? ""),
        replace: parameters.replace === true,
      });
      return { after: { databaseId: restored.id, filename: restored.filename } };
    }
    case "run_schedule": {
      const schedule = await driver.runSchedule(scheduleId);
      return { after: { lastRun: schedule.lastRun?.toISOString() ?? null } };
    }
    case "enable_schedule":
    case "disable_schedule": {
      const schedule = await driver.setScheduleEnabled(scheduleId, kind === "enable_schedule");
      return { after: { enabled: schedule.enabled } };
    }
  }
}

async function databaseStatus(driver: HostDriver, databaseId: string) {
  const database = (await driver.listDatabases()).find((candidate) => candidate.id === databaseId);
  return { status: database?.status ?? null };
}
