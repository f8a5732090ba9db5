import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import { actingAccountId } from "../actor";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { newBearerSecret } from "../crypto/bearer-secret";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { apiKeyScopes, PERMISSIONS, type Permission, type TeamProduct, type TeamRole } from "../permissions";
import {
  API_KEY_EXPIRY_DAYS_DEFAULT,
  API_KEY_EXPIRY_DAYS_MAX,
  API_KEY_EXPIRY_DAYS_MIN,
  API_KEY_NAME_MAX,
  MAX_LIVE_API_KEYS,
} from "./api-key-rules";

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  /** The whole key: shown this once, never stored. */
  secret: string;
  scopes: Permission[];
  expiresAt: Date;
}

/**
 * Makes a key for the team that carries the chosen scopes, all of which its creator holds
 * there. Only the secret's hash and prefix are kept; the secret goes back this once. A
 * per-team lock makes the count of live keys and the new key one step, so two managers
 * creating at once cannot pass the limit together.
 */
export async function createApiKey(
  db: Queryable,
  ctx: DomainContext,
  input: {
    teamId: string;
    creator: { roles: readonly TeamRole[]; product: TeamProduct };
    name: string;
    expiresInDays?: number;
    scopes: readonly string[];
  },
): Promise<CreatedApiKey> {
  const creatorId = actingAccountId(ctx.actor);
  if (ctx.actor.kind !== "account" || !creatorId) throw new DomainError("UNAUTHENTICATED", "signInToContinue");
  const name = input.name.trim();
  if (!name) throw new DomainError("INVALID_INPUT", "apiKeyNameMissing");
  if (name.length > API_KEY_NAME_MAX)
    throw new DomainError("INVALID_INPUT", "apiKeyNameTooLong", { max: API_KEY_NAME_MAX });
  const days = input.expiresInDays ?? API_KEY_EXPIRY_DAYS_DEFAULT;
  if (!Number.isInteger(days) || days < API_KEY_EXPIRY_DAYS_MIN || days > API_KEY_EXPIRY_DAYS_MAX) {
    throw new DomainError("INVALID_INPUT", "apiKeyExpiryOutOfRange", {
      min: API_KEY_EXPIRY_DAYS_MIN,
      max: API_KEY_EXPIRY_DAYS_MAX,
    });
  }
  const scopes = grantedScopes(input.scopes, input.creator);

  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  const { secret, prefix, hash } = newBearerSecret("cc_");
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`api_keys:${input.teamId}`}, 0))`);
    const [live] = await tx
      .select({ n: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.teamId, input.teamId), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
    if (live!.n >= MAX_LIVE_API_KEYS) {
      throw new DomainError("CONFLICT", "apiKeyLimitReached", { max: MAX_LIVE_API_KEYS });
    }
    const [key] = await tx
      .insert(apiTokens)
      .values({
        teamId: input.teamId,
        name,
        prefix,
        tokenHash: hash,
        permissions: scopes,
        createdByAccountId: creatorId,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "api_key.created",
      target: { type: "api_key", id: key!.id },
      after: { name, prefix, scopes, expiresAt },
    });
    return { id: key!.id, name, prefix, secret, scopes, expiresAt };
  });
}

/** The chosen scopes in the permission map's order, or a refusal naming the first one that cannot be given. */
function grantedScopes(
  chosen: readonly string[],
  creator: { roles: readonly TeamRole[]; product: TeamProduct },
): Permission[] {
  if (chosen.length === 0) throw new DomainError("INVALID_INPUT", "apiKeyNeedsScope");
  const grantable = apiKeyScopes(creator.roles, creator.product);
  for (const scope of chosen) {
    if (!Object.hasOwn(PERMISSIONS, scope)) throw new DomainError("INVALID_INPUT", "apiKeyScopeUnknown", { scope });
    if (!grantable.includes(scope as Permission)) {
      throw new DomainError("FORBIDDEN", "apiKeyScopeNotGrantable", { scope });
    }
  }
  return grantable.filter((scope) => chosen.includes(scope));
}
