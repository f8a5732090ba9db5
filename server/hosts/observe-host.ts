import "server-only";
import type { HostDriver, HostedDatabase, HostStatistics } from "./filemaker-admin/host-driver";
import type { LiveState } from "./live-state";

/** One complete look at a host through its Admin API. */
export interface HostObservation {
  running: boolean;
  version: string;
  databases: HostedDatabase[];
  liveState: LiveState;
  /** Null when the server offers no load figures. */
  statistics: HostStatistics | null;
}

export async function observeHost(driver: HostDriver, now: Date): Promise<HostObservation> {
  const [version, running, databases, clients, schedules, backups, statistics] = await Promise.all([
    driver.serverVersion(),
    driver.isRunning(),
    driver.listDatabases(),
    driver.listClients(),
    driver.listSchedules(),
    driver.listBackups(),
    driver.statistics(),
  ]);
  return {
    running,
    version,
    databases,
    statistics,
    liveState: {
      observedAt: now.toISOString(),
      clients: clients.map((client) => ({ ...client, connectedAt: client.connectedAt.toISOString() })),
      schedules: schedules.map((schedule) => ({
        ...schedule,
        lastRun: schedule.lastRun?.toISOString() ?? null,
        nextRun: schedule.nextRun?.toISOString() ?? null,
      })),
      backups:
        backups
          ?.map((backup) => ({ ...backup, takenAt: backup.takenAt.toISOString() }))
          .sort((a, b) => b.takenAt.localeCompare(a.takenAt)) ?? null,
      statistics,
    },
  };
}
