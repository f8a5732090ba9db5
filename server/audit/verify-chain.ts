import { asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { GENESIS_HASH, auditEventHash } from "./event-hash";

export type ChainVerdict =
  | { valid: true; events: number }
  | { valid: false; events: number; seq: number; problem: string };

/** Recomputes a team's chain from the first event; any edited, removed or inserted row breaks it. */
export async function verifyAuditChain(db: Queryable, teamId: string | null): Promise<ChainVerdict> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(teamId ? eq(auditEvents.teamId, teamId) : isNull(auditEvents.teamId))
    .orderBy(asc(auditEvents.seq));

  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    const broken = (problem: string): ChainVerdict => ({ valid: false, events: rows.length, seq: row.seq, problem });
    if (row.seq !== expectedSeq) return broken(`expected event ${expectedSeq}, found ${row.seq}`);
    if (row.prevHash !== previousHash) return broken("does not follow the previous event's hash");
    const { hash, ...fields } = row;
    if (auditEventHash(fields) !== hash) return broken("content does not match its hash");
    previousHash = hash;
    expectedSeq += 1;
  }
  return { valid: true, events: rows.length };
}
