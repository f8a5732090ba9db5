import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { PERMISSIONS, type Permission } from "@/server/permissions";
import type { Actor } from "../actor";
import type { Clock } from "../clock";
import { hashBearerSecret } from "../crypto/bearer-secret";
import { DomainError } from "../errors";

/** How stale "last used" may get before a call writes it again: one write a minute per key, not one per call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeyActor = Extract<Actor, { kind: "apiKey" }>;

/**
 * The actor of a call made with an API key's secret, or a refusal that says why the key does
 * not work (unknown, revoked, expired). Whether its creator may still do what it asks is
 * decided per call, with the team's permissions.
 */
export async function authenticateApiKey(
  db: Queryable,
  clock: Clock,
  secret: string,
  ip: string | null,
): Promise<ApiKeyActor> {
  const now = clock.now();
  const [key] = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashBearerSecret(secret)));
  if (!key) throw new DomainError("UNAUTHENTICATED", "apiKeyUnknown");
  if (key.revokedAt) throw new DomainError("UNAUTHENTICATED", "apiKeyRevoked", { prefix: key.prefix });
  if (key.expiresAt <= now) {
    throw new DomainError("UNAUTHENTICATED", "apiKeyExpired", { prefix: key.prefix, expiredAt: key.expiresAt });
  }
  if (!key.createdByAccountId) throw new DomainError("UNAUTHENTICATED", "apiKeyCreatorNoLongerManager");
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now, lastUsedIp: ip })
    .where(
      and(
        eq(apiTokens.id, key.id),
        or(
          isNull(apiTokens.lastUsedAt),
          sql`${apiTokens.lastUsedAt} < ${new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString()}::timestamptz`,
          sql`${apiTokens.lastUsedIp} is distinct from ${ip}`,
        ),
      ),
    );
  return {
    kind: "apiKey",
    apiKeyId: key.id,
    prefix: key.prefix,
    teamId: key.teamId,
    scopes: key.permissions.filter((p): p is Permission => p in PERMISSIONS),
    createdByAccountId: key.createdByAccountId,
  };
}
