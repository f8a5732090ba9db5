import { and, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "@/db/client";
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

const listedColumns = {
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
};

/**
 * A date range of at most this many events is read through the time index and sorted; a wider
 * one by walking the chain from its newest event, which soon meets the range's events.
 */
const SORTED_RANGE_LIMIT = 20_000;

/** A team's events, newest first, one page at a time. */
export async function listAuditEvents(db: Queryable, teamId: string, filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE) {
  const conditions = and(
    eq(auditEvents.teamId, teamId),
    filter.actorLabel ? eq(auditEvents.actorLabel, filter.actorLabel) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.from ? gte(auditEvents.occurredAt, filter.from) : undefined,
    filter.to ? lt(auditEvents.occurredAt, filter.to) : undefined,
    filter.beforeSeq ? lt(auditEvents.seq, filter.beforeSeq) : undefined,
  );
  // Sequence and time run nearly, not exactly, together: a range in the past is found by time,
  // and sorted by sequence when it is small enough, since walking back to it would be long.
  const range = filter.from || filter.to ? await eventsInRange(db, teamId, filter) : 0;
  const sorted = range > 0 && range <= SORTED_RANGE_LIMIT;
  const rows = await db
    .select(listedColumns)
    .from(auditEvents)
    .where(conditions)
    // An expression no index is ordered by: the range is read through the time index, then sorted.
    .orderBy(sorted ? desc(sql`${auditEvents.seq} + 0`) : desc(auditEvents.seq))
    .limit(pageSize + 1);
  const events = rows.slice(0, pageSize);
  return { events, nextBeforeSeq: rows.length > pageSize ? events.at(-1)!.seq : null };
}

/** How many of the team's events fall in the date range, counted on the time index alone. */
async function eventsInRange(db: Queryable, teamId: string, filter: AuditFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(
    db
      .select({ one: sql`1`.as("one") })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.teamId, teamId),
          filter.from ? gte(auditEvents.occurredAt, filter.from) : undefined,
          filter.to ? lt(auditEvents.occurredAt, filter.to) : undefined,
        ),
      )
      .limit(SORTED_RANGE_LIMIT + 1)
      .as("in_range"),
  );
  return row?.n ?? 0;
}

/**
 * The actors and actions that occur in the team's log, for the filter menus: each distinct
 * value found by one index probe after the last, not by reading every event of the log.
 */
export async function auditFacets(db: Queryable, teamId: string) {
  const distinct = (name: "actor_label" | "action") => {
    const column = sql.identifier(name);
    return db.execute(sql`with recursive found(value) as (
        (select ${column} from audit_events where team_id = ${teamId} order by ${column} limit 1)
        union all
        select (select ${column} from audit_events where team_id = ${teamId} and ${column} > found.value order by ${column} limit 1)
        from found where found.value is not null
      ) select value from found where value is not null`);
  };
  const [actors, actions] = await Promise.all([distinct("actor_label"), distinct("action")]);
  return {
    actors: rowsOf<{ value: string }>(actors).map((row) => row.value),
    actions: rowsOf<{ value: string }>(actions).map((row) => row.value),
  };
}
