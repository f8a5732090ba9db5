import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

/** Stops a key at once, for good; a key revoked already is refused, so two revocations are never both recorded. */
export async function revokeApiKey(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; apiKeyId: string },
): Promise<{ revokedAt: Date }> {
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const [key] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.teamId, input.teamId), eq(apiTokens.id, input.apiKeyId)))
      .for("update");
    if (!key) throw new DomainError("NOT_FOUND", "apiKeyNotInTeam");
    if (key.revokedAt) {
      throw new DomainError("CONFLICT", "apiKeyAlreadyRevoked", { prefix: key.prefix, revokedAt: key.revokedAt });
    }
    await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, key.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "api_key.revoked",
      target: { type: "api_key", id: key.id },
      before: { name: key.name, prefix: key.prefix, revokedAt: null },
      after: { revokedAt: now },
    });
    return { revokedAt: now };
  });
}
