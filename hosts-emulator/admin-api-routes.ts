import type { IncomingMessage, ServerResponse } from "node:http";
import { Refused, refusals, sendOk } from "./api-envelope";
import type { EmulatedHost } from "./emulated-host";

interface Call {
  method: string;
  /** The path after /fmi/admin/api/v2/, split on slashes. */
  segments: string[];
  body: Record<string, unknown>;
  req: IncomingMessage;
  res: ServerResponse;
  now: Date;
}

/** The platform's own calls beside the documented Admin API: load figures and backups. */
const PLATFORM_CALLS = new Set(["GET server/statistics", "GET backups", "POST backups", "POST backups/:id/restore"]);

/** Answers one Admin API call for a host; a refusal is thrown as `Refused`. */
export function answerAdminApiCall(host: EmulatedHost, call: Call) {
  const { method, segments, body, req, res, now } = call;
  const pattern = segments.map((segment, index) => (isIdPosition(segments, index) ? ":id" : segment)).join("/");
  const route = `${method} ${pattern}`;
  const id = segments[1] ?? "";

  if (route === "POST user/auth") {
    const [user, password] = basicCredentials(req.headers.authorization);
    return sendOk(res, { token: host.signIn(user, password, now) });
  }
  if (route === "DELETE user/auth/:id") {
    host.signOut(segments[2] ?? "");
    return sendOk(res);
  }
  host.acceptToken(bearerToken(req.headers.authorization), now);
  if (!host.platformCalls && PLATFORM_CALLS.has(route)) throw new Refused(refusals.unknownCall);

  switch (route) {
    case "GET server/metadata":
      return sendOk(res, { ServerVersion: host.version });
    case "GET server/status":
      return sendOk(res, { running: host.isRunning() });
    case "PATCH server/status":
      host.setRunning(requireBoolean(body.running));
      return sendOk(res, { running: host.isRunning() });
    case "GET server/statistics":
      return sendOk(res, host.statistics());
    case "GET databases":
      return sendOk(res, {
        totalDBCount: host.databases().length,
        databases: host.databases().map((database) => ({
          id: database.id,
          filename: database.filename,
          status: database.status,
          size: database.sizeBytes,
          clients: database.clients,
          isEncrypted: Boolean(database.encryptionKey),
          decryptHint: "",
        })),
      });
    case "PATCH databases/:id":
      return changeDatabase(host, id, body, res);
    case "GET clients":
      return sendOk(res, {
        clients: host.clients().map((client) => ({
          id: client.id,
          userName: client.userName,
          computerName: client.computerName,
          ipaddress: client.ipAddress,
          appType: client.appType,
          connectTime: client.connectedAt.toISOString(),
          guestFiles: [{ filename: client.filename }],
        })),
      });
    case "PUT clients/:id/message":
      host.sendMessage(id, requireString(body.messageText));
      return sendOk(res);
    case "DELETE clients/:id":
      host.disconnectClient(id, optionalCount(body.graceTime) ?? 90, optionalString(body.messageText), now);
      return sendOk(res);
    case "GET schedules":
      return sendOk(res, { schedules: host.schedules().map(scheduleJson) });
    case "PATCH schedules/:id":
      return sendOk(res, {
        schedule: scheduleJson(
          host.updateSchedule(id, { enabled: optionalBoolean(body.enabled), run: body.run === true }, now),
        ),
      });
    case "POST schedules/backup": {
      const backupType = (body.backupType ?? {}) as Record<string, unknown>;
      const schedule = host.createBackupSchedule(
        requireString(backupType.name),
        Math.max(1, optionalCount(backupType.everyMinutes) ?? 24 * 60),
        optionalCount(backupType.maxBackups) ?? 7,
      );
      return sendOk(res, { schedule: scheduleJson(schedule) });
    }
    case "GET backups":
      return sendOk(res, { backups: host.backups().map(backupJson) });
    case "POST backups":
      return sendOk(res, { backup: backupJson(host.backUpNow(now)) });
    case "POST backups/:id/restore": {
      const restored = host.restoreBackup(
        id,
        requireString(body.filename),
        requireString(body.targetFilename),
        body.replace === true,
      );
      return sendOk(res, { database: { id: restored.id, filename: restored.filename, status: restored.status } });
    }
    default:
      throw new Refused(refusals.unknownCall);
  }
}

function changeDatabase(host: EmulatedHost, id: string, body: Record<string, unknown>, res: ServerResponse) {
  switch (body.status) {
    case "OPENED":
      host.openDatabase(id, optionalString(body.key), body.saveKey === true);
      break;
    case "CLOSED":
      host.closeDatabase(id);
      break;
    case "PAUSED":
      host.pauseDatabase(id);
      break;
    case "RESUMED":
      host.resumeDatabase(id);
      break;
    default:
      throw new Refused(refusals.invalidParameter);
  }
  const database = host.databases().find((candidate) => candidate.id === id)!;
  return sendOk(res, { database: { id: database.id, status: database.status } });
}

function isIdPosition(segments: string[], index: number) {
  const [area] = segments;
  if (area === "user") return index === 2;
  if (area === "databases" || area === "clients" || area === "backups") return index === 1;
  return area === "schedules" && index === 1 && segments[1] !== "backup";
}

function scheduleJson(schedule: ReturnType<EmulatedHost["schedules"]>[number]) {
  return {
    id: schedule.id,
    name: schedule.name,
    taskType: schedule.taskType,
    enabled: schedule.enabled,
    lastRun: schedule.lastRun?.toISOString() ?? null,
    nextRun: schedule.enabled ? new Date(schedule.nextRunAt).toISOString() : null,
  };
}

function backupJson(backup: ReturnType<EmulatedHost["backups"]>[number]) {
  return { ...backup, takenAt: backup.takenAt.toISOString() };
}

function basicCredentials(header: string | undefined): [string, string] {
  const encoded = header?.match(/^Basic (.+)$/)?.[1];
  if (!encoded) throw new Refused(refusals.badCredentials);
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? [decoded, ""] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function bearerToken(header: string | undefined) {
  return header?.match(/^Bearer (.+)$/)?.[1];
}

function requireBoolean(value: unknown) {
  if (typeof value !== "boolean") throw new Refused(refusals.invalidParameter);
  return value;
}

function optionalBoolean(value: unknown) {
  return value === undefined ? undefined : requireBoolean(value);
}

function requireString(value: unknown) {
  if (typeof value !== "string" || value === "") throw new Refused(refusals.invalidParameter);
  return value;
}

function optionalCount(value: unknown) {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new Refused(refusals.invalidParameter);
  return value;
}

function optionalString(value: unknown) {
  return value === undefined ? undefined : requireString(value);
}
