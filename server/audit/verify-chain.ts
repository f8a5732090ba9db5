import { asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents, auditPersonalFields } from "@/db/schema";
import { auditEventHash, GENESIS_HASH } from "./event-hash";
import { personalDigest, valueAt } from "./personal-fields";

export type ChainVerdict =
  | { valid: true; events: number }
  | { valid: false; events: number; seq: number; problem: string };

/**
 * Recomputes a team's chain from the first event; any edited, removed or inserted row breaks it.
 * A personal value not yet erased must still match its salted digest; an erased one counts by
 * its digest alone.
 */
export async function verifyAuditChain(db: Queryable, teamId: string | null): Promise<ChainVerdict> {
  const [rows, personal] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(teamId ? eq(auditEvents.teamId, teamId) : isNull(auditEvents.teamId))
      .orderBy(asc(auditEvents.seq)),
    db
      .select({
        eventId: auditPersonalFields.eventId,
        path: auditPersonalFields.path,
        digest: auditPersonalFields.digest,
        salt: auditPersonalFields.salt,
      })
      .from(auditPersonalFields)
      .where(teamId ? eq(auditPersonalFields.teamId, teamId) : isNull(auditPersonalFields.teamId)),
  ]);
  const personalOf = new Map<string, typeof personal>();
  for (const field of personal) personalOf.set(field.eventId, [...(personalOf.get(field.eventId) ?? []), field]);

  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    const broken = (problem: string): ChainVerdict => ({ valid: false, events: rows.length, seq: row.seq, problem });
    if (row.seq !== expectedSeq) return broken(`expected event ${expectedSeq}, found ${row.seq}`);
    if (row.prevHash !== previousHash) return broken("does not follow the previous event's hash");
    const { hash, ...fields } = row;
    const fieldsOfRow = personalOf.get(row.id) ?? [];
    for (const field of fieldsOfRow) {
      const value = valueAt(fields, field.path);
      if (field.salt !== null && (typeof value !== "string" || personalDigest(field.salt, value) !== field.digest)) {
        return broken("a personal value does not match its digest");
      }
    }
    if (auditEventHash(fields, fieldsOfRow) !== hash) return broken("content does not match its hash");
    previousHash = hash;
    expectedSeq += 1;
  }
  return { valid: true, events: rows.length };
}
