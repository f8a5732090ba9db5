import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import { type FieldPath, withValueAt } from "./personal-fields";

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

/**
 * The event's hash. Personal values are hashed as their salted digests (see
 * audit_personal_fields), so erasing one later leaves the hash as it was.
 */
export function auditEventHash(
  fields: HashedAuditFields,
  personal: ReadonlyArray<{ path: FieldPath; digest: string }> = [],
): string {
  let content: HashedAuditFields = fields;
  for (const field of personal) content = withValueAt(content, field.path, { personalDigest: field.digest });
  const text = canonicalJson({ ...content, occurredAt: content.occurredAt.toISOString() });
  return createHash("sha256").update(text).digest("hex");
}
