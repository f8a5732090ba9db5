import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { connectUsageTokens } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { hashBearerSecret, newBearerSecret } from "../crypto/bearer-secret";
import type { DomainContext } from "../domain-context";
import { requireProduct } from "../teams/require-product";

/** "Last used" is written at most once a minute per token, not once per report. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Gives a Claris Connect team a new usage token for the platform's metering; an earlier one stops
 * working in the same statement. The token is returned this once and only its hash kept.
 */
export async function issueConnectUsageToken(
  db: Queryable,
  ctx: DomainContext,
  teamId: string,
): Promise<{ token: string; prefix: string }> {
  const now = ctx.clock.now();
  const { secret, prefix, hash } = newBearerSecret("ccusage_");
  return db.transaction(async (tx) => {
    await requireProduct(tx, teamId, "claris_connect", "usage");
    const [previous] = await tx
      .select({ prefix: connectUsageTokens.prefix })
      .from(connectUsageTokens)
      .where(eq(connectUsageTokens.teamId, teamId))
      .for("update");
    await tx
      .insert(connectUsageTokens)
      .values({ teamId, tokenHash: hash, prefix, createdAt: now })
      .onConflictDoUpdate({
        target: connectUsageTokens.teamId,
        set: { tokenHash: hash, prefix, createdAt: now, lastUsedAt: null },
      });
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId,
      action: "connect.usage_token_issued",
      target: { type: "team", id: teamId },
      before: previous ? { prefix: previous.prefix } : undefined,
      after: { prefix },
    });
    return { token: secret, prefix };
  });
}

/** The team a usage token reports for, or null when the token is not known. */
export async function authenticateConnectUsageToken(db: Queryable, token: string, now: Date): Promise<string | null> {
  const [row] = await db
    .select({ teamId: connectUsageTokens.teamId })
    .from(connectUsageTokens)
    .where(eq(connectUsageTokens.tokenHash, hashBearerSecret(token)));
  if (!row) return null;
  await db
    .update(connectUsageTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(connectUsageTokens.teamId, row.teamId),
        or(
          isNull(connectUsageTokens.lastUsedAt),
          lt(
            connectUsageTokens.lastUsedAt,
            sql`${new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString()}::timestamptz`,
          ),
        ),
      ),
    );
  return row.teamId;
}
