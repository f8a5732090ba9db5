import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditAnchors, auditEvents } from "@/db/schema";
import { auditSigningKeyRing } from "../crypto/key-ring";
import { type AuditAnchor, checkAnchorSignature } from "./anchor-head";
import type { SigningKeyRing } from "./anchor-keys";
import { verifyAuditChain } from "./verify-chain";

export type IntegrityReport =
  | {
      intact: true;
      /** Events in the chain, all of them verified. */
      events: number;
      /** The newest signed head, if any. */
      anchor: { seq: number; signedAt: Date } | null;
      anchors: number;
    }
  | {
      intact: false;
      events: number;
      /** The first event (or anchored event) where the log stops being trustworthy. */
      brokenAt: number;
      problem: string;
      anchors: number;
    };

/**
 * Recomputes the team's hash chain, then checks every signed head against it: each
 * signature must verify with a known key, and the anchored event must still exist with the
 * hash that was signed. Deleting the newest events leaves an anchor pointing past the end.
 */
export async function checkAuditIntegrity(
  db: Queryable,
  teamId: string,
  ring: SigningKeyRing = auditSigningKeyRing(),
): Promise<IntegrityReport> {
  const anchors = await db
    .select()
    .from(auditAnchors)
    .where(eq(auditAnchors.teamId, teamId))
    .orderBy(asc(auditAnchors.seq));
  const chain = await verifyAuditChain(db, teamId);
  if (!chain.valid) {
    return {
      intact: false,
      events: chain.events,
      brokenAt: chain.seq,
      problem: `Event ${chain.seq} ${chain.problem}.`,
      anchors: anchors.length,
    };
  }
  const hashes = await anchoredHashes(db, teamId, anchors);
  for (const anchor of anchors) {
    const problem = anchorProblem(anchor, chain.events, hashes.get(anchor.seq), ring);
    if (problem)
      return {
        intact: false,
        events: chain.events,
        brokenAt: Math.min(anchor.seq, chain.events + 1),
        problem,
        anchors: anchors.length,
      };
  }
  const newest = anchors.at(-1);
  return {
    intact: true,
    events: chain.events,
    anchor: newest ? { seq: newest.seq, signedAt: newest.signedAt } : null,
    anchors: anchors.length,
  };
}

async function anchoredHashes(db: Queryable, teamId: string, anchors: AuditAnchor[]): Promise<Map<number, string>> {
  if (!anchors.length) return new Map();
  const rows = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.teamId, teamId),
        inArray(
          auditEvents.seq,
          anchors.map((a) => a.seq),
        ),
      ),
    );
  return new Map(rows.map((row) => [row.seq, row.hash]));
}

function anchorProblem(
  anchor: AuditAnchor,
  events: number,
  hash: string | undefined,
  ring: SigningKeyRing,
): string | null {
  const signed = `signed at ${anchor.signedAt.toISOString()}`;
  switch (checkAnchorSignature(anchor, ring)) {
    case "unknown key":
      return `The anchor of event ${anchor.seq} (${signed}) names signing key "${anchor.keyId}", which is not in AUDIT_SIGNING_KEYS.`;
    case "invalid":
      return `The anchor of event ${anchor.seq} (${signed}) has an invalid signature: it was altered or forged.`;
  }
  if (hash === undefined) {
    return `Event ${anchor.seq} was anchored (${signed}) but the log now ends at event ${events}: events ${events + 1} to ${anchor.seq} were deleted.`;
  }
  if (hash !== anchor.headHash)
    return `Event ${anchor.seq} differs from the one anchored (${signed}): the log was rewritten after it.`;
  return null;
}
