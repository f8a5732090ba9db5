import { and, asc, eq, gt, isNull, lte, notInArray, sql } from "drizzle-orm";
import { type Database, rowsOf, type Transaction } from "@/db/client";
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
        const cursor = await claimDueChain(tx, failed);
        if (!cursor) return null;
        claimed.chain = cursor.chain;
        const due = await nextEvents(tx, cursor, batchSize);
        const now = clock.now();
        for (const event of due) {
          for (const sink of sinks) await sink.fanOut(tx, event, now);
        }
        const last = due.at(-1)?.seq ?? cursor.headSeq;
        // The row is locked only now, for the moment until the commit: appends never wait on a batch.
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

/**
 * A chain with events to hand on that no other dispatcher holds. The claim is a transaction
 * advisory lock on the chain, not a lock on its cursor row: every append moves that row's head,
 * and must not wait while a batch is fanned out. Read again once claimed, so a batch another
 * dispatcher committed a moment ago is not handed on twice.
 */
async function claimDueChain(tx: Transaction, failed: readonly string[]) {
  const candidates = await tx
    .select({ chain: eventDispatchCursors.chain })
    .from(eventDispatchCursors)
    .where(
      and(
        gt(eventDispatchCursors.headSeq, eventDispatchCursors.dispatchedSeq),
        failed.length ? notInArray(eventDispatchCursors.chain, [...failed]) : undefined,
      ),
    )
    .limit(CLAIM_CANDIDATES);
  for (const { chain } of candidates) {
    const [claim] = rowsOf<{ claimed: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${`dispatch:${chain}`}, 0)) as claimed`),
    );
    if (!claim?.claimed) continue;
    const [cursor] = await tx.select().from(eventDispatchCursors).where(eq(eventDispatchCursors.chain, chain));
    if (cursor && cursor.headSeq > cursor.dispatchedSeq) return cursor;
  }
  return null;
}

/** How many due chains one claim looks through before it says there is nothing to do. */
const CLAIM_CANDIDATES = 20;

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
