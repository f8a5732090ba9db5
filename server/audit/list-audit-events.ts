import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  actorLabel?: string;
  action?: string;
  /** Inclusive, from the start of that instant. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Continue with events older than this sequence number. */
  beforeSeq?: number;
}

/** A team's events, newest first, one page at a time. */
export async function listAuditEvents(db: Queryable, teamId: string, filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE) {
  const rows = await db
    .select({
      id: auditEvents.id,
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      actorType: auditEvents.actorType,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      before: auditEvents.before,
      after: auditEvents.after,
      ip: auditEvents.ip,
      requestId: auditEvents.requestId,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.teamId, teamId),
        filter.actorLabel ? eq(auditEvents.actorLabel, filter.actorLabel) : undefined,
        filter.action ? eq(auditEvents.action, filter.action) : undefined,
        filter.from ? gte(auditEvents.occurredAt, filter.from) : undefined,
        filter.to ? lt(auditEvents.occurredAt, filter.to) : undefined,
        filter.beforeSeq ? lt(auditEvents.seq, filter.beforeSeq) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(pageSize + 1);
  const events = rows.slice(0, pageSize);
  return { events, nextBeforeSeq: rows.length > pageSize ? events.at(-1)!.seq : null };
}

/** The actors and actions that occur in the team's log, for the filter menus. */
export async function auditFacets(db: Queryable, teamId: string) {
  const [actors, actions] = await Promise.all([
    db
      .selectDistinct({ label: auditEvents.actorLabel })
      .from(auditEvents)
      .where(eq(auditEvents.teamId, teamId))
      .orderBy(asc(auditEvents.actorLabel)),
    db
      .selectDistinct({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.teamId, teamId))
      .orderBy(asc(auditEvents.action)),
  ]);
  return { actors: actors.map((a) => a.label), actions: actions.map((a) => a.action) };
}
