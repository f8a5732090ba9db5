import { and, asc, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents, auditPersonalFields } from "@/db/schema";
import { auditEventHash, GENESIS_HASH } from "./event-hash";
import { personalDigest, valueAt } from "./personal-fields";

export type ChainVerdict =
  | { valid: true; events: number }
  | { valid: false; events: number; seq: number; problem: string };

/** Events read per query: large enough that round trips do not count, small enough that memory stays flat. */
export const VERIFY_BATCH = 5000;

type EventRow = typeof auditEvents.$inferSelect;
type PersonalRow = { path: Array<string | number>; digest: string; salt: string | null };
type Batch = Array<{ event: EventRow; personal: PersonalRow[] | null }>;

/**
 * Recomputes a team's chain from the first event; any edited, removed or inserted row breaks it.
 * A personal value not yet erased must still match its salted digest; an erased one counts by
 * its digest alone. Reads the chain in keyset batches of `batchSize` events, the next one while
 * this one is checked, so memory stays flat however long the chain is.
 */
export async function verifyAuditChain(
  db: Queryable,
  teamId: string | null,
  batchSize = VERIFY_BATCH,
): Promise<ChainVerdict> {
  const ofChain = (column: typeof auditEvents.teamId | typeof auditPersonalFields.teamId) =>
    teamId ? eq(column, teamId) : isNull(column);

  // Each event with its personal fields, found through the fields' (team, event) index. The outer
  // id is spelled out: drizzle would leave it unqualified, naming the fields' own id.
  const personal = sql<PersonalRow[] | null>`(
    select json_agg(json_build_object('path', ${auditPersonalFields.path}, 'digest', ${auditPersonalFields.digest}, 'salt', ${auditPersonalFields.salt}))
    from ${auditPersonalFields}
    where ${ofChain(auditPersonalFields.teamId)} and ${auditPersonalFields.eventId} = audit_events.id)`;
  const readBatch = (afterSeq: number | null): Promise<Batch> =>
    db
      .select({ event: auditEvents, personal })
      .from(auditEvents)
      .where(and(ofChain(auditEvents.teamId), afterSeq === null ? undefined : gt(auditEvents.seq, afterSeq)))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);

  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let next: Promise<Batch> | null = readBatch(null);
  try {
    while (next) {
      const batch: Batch = await next;
      // The first batch has no lower bound, so an event moved before seq 1 is still seen.
      next = batch.length === batchSize ? readBatch(batch.at(-1)!.event.seq) : null;
      for (const { event: row, personal } of batch) {
        const problem = problemOf(row, personal ?? [], expectedSeq, previousHash);
        if (problem) {
          const [total] = await db.select({ n: count() }).from(auditEvents).where(ofChain(auditEvents.teamId));
          return { valid: false, events: total!.n, seq: row.seq, problem };
        }
        previousHash = row.hash;
        expectedSeq += 1;
      }
    }
  } finally {
    // A batch still being read must finish before the caller's transaction may end.
    await next?.catch(() => undefined);
  }
  return { valid: true, events: expectedSeq - 1 };
}

function problemOf(row: EventRow, personal: PersonalRow[], expectedSeq: number, previousHash: string): string | null {
  if (row.seq !== expectedSeq) return `expected event ${expectedSeq}, found ${row.seq}`;
  if (row.prevHash !== previousHash) return "does not follow the previous event's hash";
  const { hash, ...fields } = row;
  for (const field of personal) {
    const value = valueAt(fields, field.path);
    if (field.salt !== null && (typeof value !== "string" || personalDigest(field.salt, value) !== field.digest)) {
      return "a personal value does not match its digest";
    }
  }
  if (auditEventHash(fields, personal) !== hash) return "content does not match its hash";
  return null;
}
