import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditAnchors, auditEvents } from "@/db/schema";
import { auditSigningKeyRing } from "../crypto/key-ring";
import { logger } from "../logger";
import { checkSignature, type SigningKeyRing, signWithRing } from "./anchor-keys";

export interface AnchoredHead {
  teamId: string;
  seq: number;
  headHash: string;
  signedAt: Date;
}

export type AuditAnchor = typeof auditAnchors.$inferSelect;

/** The exact bytes an anchor's signature covers; the version prefix keeps old anchors checkable. */
export function anchorMessage(head: AnchoredHead): Buffer {
  return Buffer.from(
    [
      "customer-console/audit-anchor/v1",
      head.teamId,
      String(head.seq),
      head.headHash,
      head.signedAt.toISOString(),
    ].join("\n"),
  );
}

export function checkAnchorSignature(anchor: AuditAnchor, ring: SigningKeyRing = auditSigningKeyRing()) {
  return checkSignature(ring, anchorMessage(anchor), anchor.keyId, anchor.signature);
}

/**
 * Signs the team's newest audit event and keeps the signature. Anchoring is a statement of
 * what the head was, not that the chain is sound, so it needs no verification first; the
 * check compares the chain with every anchor. A head that is already anchored is returned as
 * it is, so servers anchoring at once keep one row. Null when the team has no events yet.
 */
export async function anchorTeamHead(
  db: Queryable,
  input: { teamId: string; now: Date; anchoredBy: string },
  ring: SigningKeyRing = auditSigningKeyRing(),
): Promise<AuditAnchor | null> {
  const [head] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.teamId, input.teamId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  if (!head) return null;
  const fields: AnchoredHead = { teamId: input.teamId, seq: head.seq, headHash: head.hash, signedAt: input.now };
  const [inserted] = await db
    .insert(auditAnchors)
    .values({ ...fields, ...signWithRing(ring, anchorMessage(fields)), anchoredBy: input.anchoredBy })
    .onConflictDoNothing({ target: [auditAnchors.teamId, auditAnchors.seq] })
    .returning();
  if (inserted) {
    // Published outside the database too: whoever can rewrite the tables cannot rewrite the logs.
    logger.info(
      {
        teamId: inserted.teamId,
        seq: inserted.seq,
        headHash: inserted.headHash,
        signedAt: inserted.signedAt,
        keyId: inserted.keyId,
        signature: inserted.signature,
      },
      "audit head anchored",
    );
    return inserted;
  }
  const [existing] = await db
    .select()
    .from(auditAnchors)
    .where(and(eq(auditAnchors.teamId, input.teamId), eq(auditAnchors.seq, head.seq)));
  return existing ?? null;
}
