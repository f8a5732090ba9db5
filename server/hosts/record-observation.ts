import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customApps, hosts } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import type { DatabaseStatus } from "./filemaker-admin/host-driver";
import { readLiveState } from "./live-state";
import { recordLoad } from "./metrics/record-load";
import type { HostObservation } from "./observe-host";

type HostStatus = (typeof hosts.$inferSelect)["status"];

/** The host as it was when it was read for the look; `status` decides whether `statusSince` moves. */
export interface ObservedHost {
  id: string;
  teamId: string;
  status: HostStatus;
}

/** A custom app is a hosted database, named by its file name without the FileMaker extension. */
export function appNameOf(filename: string): string {
  return filename.replace(/\.fmp12$/i, "");
}

const APP_STATUS: Record<DatabaseStatus, "open" | "closed" | "paused"> = {
  NORMAL: "open",
  CLOSING: "open",
  PAUSING: "open",
  PAUSED: "paused",
  RESUMING: "paused",
  CLOSED: "closed",
  OPENING: "closed",
};

/**
 * Writes what a look at a host saw: its status (with since-when), version, clients, schedules and
 * backups, and its databases as the team's custom apps: new databases become apps, changed ones
 * are updated, and apps whose database is gone from the host are removed (with their group access),
 * each addition and removal audited by the system; and its load figures as metrics and usage.
 */
export async function recordObservation(
  db: Database,
  ctx: DomainContext,
  host: ObservedHost,
  observation: HostObservation,
): Promise<void> {
  const now = ctx.clock.now();
  const status: HostStatus = observation.running ? "running" : "stopped";
  await db.transaction(async (tx) => {
    // Locked, so a look at the same time waits and takes its transfer interval from this one's counter.
    const [previous] = await tx
      .select({ kind: hosts.kind, liveState: hosts.liveState })
      .from(hosts)
      .where(eq(hosts.id, host.id))
      .for("update");
    if (!previous) return;
    const previousState = readLiveState(previous.liveState);
    // A look that began before the stored one finished after it: its counter is older, not a restarted server's.
    const outdated = previousState !== null && previousState.observedAt > observation.liveState.observedAt;
    await tx
      .update(hosts)
      .set({
        status,
        ...(status === host.status ? {} : { statusSince: now }),
        startedAt: observation.running ? sql`coalesce(${hosts.startedAt}, ${now.toISOString()}::timestamptz)` : null,
        filemakerVersion: observation.version,
        ...(outdated ? {} : { liveState: observation.liveState }),
        lastPolledAt: now,
        lastPollError: null,
      })
      .where(eq(hosts.id, host.id));
    if (observation.statistics && !outdated) {
      const previousCounter = previousState?.statistics?.dataTransferBytes;
      await recordLoad(tx, { ...host, kind: previous.kind }, previousCounter, observation.statistics, now);
    }

    const existing = await tx
      .select({ id: customApps.id, name: customApps.name })
      .from(customApps)
      .where(eq(customApps.hostId, host.id));
    const byName = new Map(existing.map((app) => [app.name.toLowerCase(), app]));
    const seen = new Set<string>();
    for (const database of observation.databases) {
      const name = appNameOf(database.filename);
      seen.add(name.toLowerCase());
      const fields = {
        databaseId: database.id,
        status: APP_STATUS[database.status],
        sizeBytes: database.sizeBytes,
        clients: database.clients,
        encrypted: database.encrypted,
      };
      const app = byName.get(name.toLowerCase());
      if (app) {
        await tx.update(customApps).set(fields).where(eq(customApps.id, app.id));
        continue;
      }
      const [created] = await tx
        .insert(customApps)
        .values({ teamId: host.teamId, hostId: host.id, name, ...fields, createdAt: now })
        .returning({ id: customApps.id });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: host.teamId,
        action: "custom_app.created",
        target: { type: "custom_app", id: created!.id },
        after: { hostId: host.id, name, status: fields.status },
      });
    }
    for (const app of existing) {
      if (seen.has(app.name.toLowerCase())) continue;
      await tx.delete(customApps).where(and(eq(customApps.id, app.id), eq(customApps.hostId, host.id)));
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: host.teamId,
        action: "custom_app.removed",
        target: { type: "custom_app", id: app.id },
        before: { hostId: host.id, name: app.name },
      });
    }
  });
}

/**
 * A look that failed: the host is unreachable since the first failure, with the failure's words.
 * A host that was up (running or stopped) going silent is audited, once, as `host.unreachable`;
 * one still starting or restarting is expected to be silent for a while.
 */
export async function recordUnreachable(db: Database, ctx: DomainContext, host: ObservedHost, failure: string) {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ status: hosts.status, name: hosts.name })
      .from(hosts)
      .where(eq(hosts.id, host.id))
      .for("update");
    if (!previous) return;
    await tx
      .update(hosts)
      .set({
        status: "unreachable",
        ...(previous.status === "unreachable" ? {} : { statusSince: now }),
        startedAt: null,
        lastPolledAt: now,
        lastPollError: failure,
      })
      .where(eq(hosts.id, host.id));
    if (previous.status !== "running" && previous.status !== "stopped") return;
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: host.teamId,
      action: "host.unreachable",
      target: { type: "host", id: host.id },
      before: { status: previous.status },
      after: { name: previous.name, status: "unreachable", failure },
    });
  });
}
