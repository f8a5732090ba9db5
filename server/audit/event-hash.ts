import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

export const GENESIS_HASH = "0".repeat(64);

/** Every stored field but the hash itself. */
export interface HashedAuditFields {
  id: string;
  teamId: string | null;
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  onBehalfOfAccountId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  prevHash: string;
}

export function auditEventHash(fields: HashedAuditFields): string {
  const content = canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() });
  return createHash("sha256").update(content).digest("hex");
}
