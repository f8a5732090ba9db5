import type { Queryable } from "@/db/client";
import { encrypt } from "../../crypto/encryption";
import { keyRing } from "../../crypto/key-ring";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import { operationHost } from "./operation-host";
import { backupOf, clientOf, databaseNamed, databaseOf, scheduleOf } from "./operation-targets";
import { requestOperation } from "./request-operation";
import { RESTORE_NAME } from "./restore-name";

interface OnHost {
  teamId: string;
  hostId: string;
}

/** Stop, start or restart a host; starting a running host or stopping a stopped one is refused here, as the API would not. */
export async function requestHostPower(
  db: Queryable,
  ctx: DomainContext,
  input: OnHost & { kind: "stop_host" | "start_host" | "restart_host" },
) {
  const host = await operationHost(db, input.teamId, input.hostId);
  if (input.kind === "start_host" && host.status === "running")
    throw new DomainError("CONFLICT", "isAlreadyRunning", { hostName: host.name });
  if (input.kind !== "start_host" && host.status === "stopped")
    throw new DomainError("CONFLICT", "isNotRunning", { hostName: host.name });
  return requestOperation(db, ctx, host, { kind: input.kind, parameters: {} });
}

export async function requestOpenDatabase(
  db: Queryable,
  ctx: DomainContext,
  input: OnHost & { customAppId: string; encryptionKey?: string; saveKey?: boolean },
) {
  const host = await operationHost(db, input.teamId, input.hostId);
  const target = await databaseOf(db, host, input.customAppId);
  const key = input.encryptionKey
    ? { encryptionKeyEncrypted: encrypt(keyRing(), input.encryptionKey), saveKey: input.saveKey === true }
    : {};
  return requestOperation(db, ctx, host, { kind: "open_database", parameters: { ...target, ...key } });
}

export async function requestDatabaseChange(
  db: Queryable,
  ctx: DomainContext,
  input: OnHost & {
    kind: "close_database" | "pause_database" | "resume_database";
    customAppId: string;
    force?: boolean;
  },
) {
  const host = await operationHost(db, input.teamId, input.hostId);
  const target = await databaseOf(db, host, input.customAppId);
  const options = input.kind === "close_database" ? { force: input.force === true } : {};
  return requestOperation(db, ctx, host, { kind: input.kind, parameters: { ...target, ...options } });
}

export async function requestSendMessage(
  db: Queryable,
  ctx: DomainContext,
  input: OnHost & { clientId: string; message: string },
) {
  const host = await operationHost(db, input.teamId, input.hostId);
  const client = clientOf(host, input.clientId);
  return requestOperation(db, ctx, host, {
    kind: "send_message",
    parameters: { clientId: client.id, userName: client.userName, message: input.message },
  });
}

export async function requestDisconnectClient(
  db: Queryable,
  ctx: DomainContext,
  input: OnHost & { clientId: string; graceSeconds: number; message?: string },
) {
  const host = await operationHost(db, input.teamId, input.hostId);
  const client = clientOf(host, input.clientId);
  return requestOperation(db, ctx, host, {
    kind: "disconnect_client",
    parameters: {
      clientId: client.id,
      userName: client.userName,
      graceSeconds: input.graceSeconds,
      ...(input.message ? { message: input.message } : {}),
    },
  });
}

export async function requestBackUpNow(db: Queryable, ctx: DomainContext, input: OnHost) {
  const host = await operationHost(db, input.teamId, input.hostId);
  return requestOperation(db, ctx, host, { kind: "back_up_now", parameters: {} });
}

/**
 * Restores one database of a backup under a new name, or over the database of that name when
 * `replace` is asked and the person typed that database's name exactly.
 */
export async function requestRestoreBackup(
  db: Queryable,
  ctx: DomainContext,
  input: OnHost & { backupId: string; filename: string; targetName: string; replace: boolean; confirmName?: string },
) {
  const host = await operationHost(db, input.teamId, input.hostId);
  const backup = backupOf(host, input.backupId);
  if (!backup.databases.some((database) => database.filename === input.filename))
    throw new DomainError("NOT_FOUND", "thisBackupDoesNotHold", { filename: input.filename });
  const targetName = input.targetName.trim();
  if (!RESTORE_NAME.test(targetName)) throw new DomainError("INVALID_INPUT", "aDatabaseNameHasAtMost");
  const existing = await databaseNamed(db, host, targetName);
  if (existing && !input.replace)
    throw new DomainError("CONFLICT", "aDatabaseNamedIsAlreadyOn", { name: existing.name });
  if (existing && input.confirmName !== existing.name)
    throw new DomainError("INVALID_INPUT", "typeToReplaceIt", { name: existing.name });
  return requestOperation(db, ctx, host, {
    kind: "restore_backup",
    parameters: {
      backupId: backup.id,
      filename: input.filename,
      targetName: existing?.name ?? targetName,
      replace: existing !== null,
    },
  });
}

export async function requestRunSchedule(db: Queryable, ctx: DomainContext, input: OnHost & { scheduleId: string }) {
  const host = await operationHost(db, input.teamId, input.hostId);
  const schedule = scheduleOf(host, input.scheduleId);
  return requestOperation(db, ctx, host, {
    kind: "run_schedule",
    parameters: { scheduleId: schedule.id, scheduleName: schedule.name },
  });
}

export async function requestScheduleEnabled(
  db: Queryable,
  ctx: DomainContext,
  input: OnHost & { scheduleId: string; enabled: boolean },
) {
  const host = await operationHost(db, input.teamId, input.hostId);
  const schedule = scheduleOf(host, input.scheduleId);
  return requestOperation(db, ctx, host, {
    kind: input.enabled ? "enable_schedule" : "disable_schedule",
    parameters: { scheduleId: schedule.id, scheduleName: schedule.name },
  });
}
