import { and, asc, eq, gt, isNull, lte, notInArray } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { auditEvents, eventDispatchCursors } from "@/db/schema";
import type { Clock } from "../clock";
import { logger } from "../logger";
import type { DispatchedEvent, EventSink } from "./event-rule";
import { EVENT_SINKS } from "./sinks";

export interface DispatchOptions {
  sinks?: readonly EventSink[];
  /** Events of one chain handed on in one transaction. */
  batchSize?: number;
  /** Batches in one run at most, so one run of the job ends while events keep coming. */
  maxBatches?: number;
}

/**
 * The `events.dispatch` job: takes a chain with events not yet handed on (skipping chains
 * another server holds), fans its next events out to every sink in seq order and moves the
 * chain's cursor past them, all in one transaction. A crash before the commit hands nothing
 * on and the next run does it all again; a committed batch is never handed on twice. A chain
 * whose batch fails is logged and left for the next run, and the other chains go on.
 */
export async function dispatchEvents(
  db: Database,
  clock: Clock,
  { sinks = EVENT_SINKS, batchSize = 200, maxBatches = 50 }: DispatchOptions = {},
): Promise<{ batches: number; events: number; failed: number }> {
  const failed: string[] = [];
  let batches = 0;
  let events = 0;
  while (batches < maxBatches) {
    // Set inside the transaction: the chain a failure belongs to.
    const claimed: { chain: string | null } = { chain: null };
    try {
      const handed = await db.transaction(async (tx) => {
        const [cursor] = await tx
          .select()
          .from(eventDispatchCursors)
          .where(
            and(
              gt(eventDispatchCursors.headSeq, eventDispatchCursors.dispatchedSeq),
              failed.length ? notInArray(eventDispatchCursors.chain, failed) : undefined,
            ),
          )
          .limit(1)
          .for("update", { skipLocked: true });
        if (!cursor) return null;
        claimed.chain = cursor.chain;
        const due = await nextEvents(tx, cursor, batchSize);
        const now = clock.now();
        for (const event of due) {
          for (const sink of sinks) await sink.fanOut(tx, event, now);
        }
        const last = due.at(-1)?.seq ?? cursor.headSeq;
        await tx
          .update(eventDispatchCursors)
          .set({ dispatchedSeq: last })
          .where(eq(eventDispatchCursors.chain, cursor.chain));
        return due.length;
      });
      if (handed === null) break;
      batches += 1;
      events += handed;
    } catch (error) {
      if (claimed.chain === null) throw error;
      logger.error({ chain: claimed.chain, err: error }, "event dispatch failed");
      failed.push(claimed.chain);
    }
  }
  return { batches, events, failed: failed.length };
}

/** An audit event's columns as the sinks get it. */
export const DISPATCHED_EVENT_COLUMNS = {
  id: auditEvents.id,
  teamId: auditEvents.teamId,
  seq: auditEvents.seq,
  occurredAt: auditEvents.occurredAt,
  actorType: auditEvents.actorType,
  actorId: auditEvents.actorId,
  actorLabel: auditEvents.actorLabel,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  before: auditEvents.before,
  after: auditEvents.after,
};

async function nextEvents(
  tx: Transaction,
  cursor: { teamId: string | null; dispatchedSeq: number; headSeq: number },
  batchSize: number,
): Promise<DispatchedEvent[]> {
  return tx
    .select(DISPATCHED_EVENT_COLUMNS)
    .from(auditEvents)
    .where(
      and(
        cursor.teamId ? eq(auditEvents.teamId, cursor.teamId) : isNull(auditEvents.teamId),
        gt(auditEvents.seq, cursor.dispatchedSeq),
        lte(auditEvents.seq, cursor.headSeq),
      ),
    )
    .orderBy(asc(auditEvents.seq))
    .limit(batchSize);
}
