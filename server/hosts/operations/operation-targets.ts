import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { customApps } from "@/db/schema";
import { DomainError } from "../../errors";
import { readLiveState } from "../live-state";
import type { OperationHost } from "./operation-host";

/** A custom app of this host whose database the host has listed, so the API can be told its id. */
export async function databaseOf(db: Queryable, host: OperationHost, customAppId: string) {
  const [app] = await db
    .select({ id: customApps.id, name: customApps.name, databaseId: customApps.databaseId })
    .from(customApps)
    .where(and(eq(customApps.teamId, host.teamId), eq(customApps.hostId, host.id), eq(customApps.id, customAppId)));
  if (!app) throw new DomainError("NOT_FOUND", "thisDatabaseIsNotOn", { hostName: host.name });
  if (!app.databaseId)
    throw new DomainError("CONFLICT", "hasNotBeenSeenOnYet", { name: app.name, hostName: host.name });
  return { customAppId: app.id, databaseId: app.databaseId, databaseName: app.name };
}

/** The custom app of this host with this name, ignoring case, as the host compares file names. */
export async function databaseNamed(db: Queryable, host: OperationHost, name: string) {
  const [app] = await db
    .select({ id: customApps.id, name: customApps.name })
    .from(customApps)
    .where(and(eq(customApps.hostId, host.id), sql`lower(${customApps.name}) = lower(${name})`));
  return app ?? null;
}

function liveStateOf(host: OperationHost) {
  return readLiveState(host.liveState);
}

export function clientOf(host: OperationHost, clientId: string) {
  const client = liveStateOf(host)?.clients.find((candidate) => candidate.id === clientId);
  if (!client) throw new DomainError("NOT_FOUND", "thisClientIsNoLongerConnected", { hostName: host.name });
  return client;
}

export function scheduleOf(host: OperationHost, scheduleId: string) {
  const schedule = liveStateOf(host)?.schedules.find((candidate) => candidate.id === scheduleId);
  if (!schedule) throw new DomainError("NOT_FOUND", "thisScheduleIsNotOn", { hostName: host.name });
  return schedule;
}

export function backupOf(host: OperationHost, backupId: string) {
  const backup = liveStateOf(host)?.backups?.find((candidate) => candidate.id === backupId);
  if (!backup) throw new DomainError("NOT_FOUND", "thisBackupIsNotOn", { hostName: host.name });
  return backup;
}
