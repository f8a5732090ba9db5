import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, scimTokens } from "@/db/schema";
import { type Actor, actingAccountId } from "../actor";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../clock";
import { hashBearerSecret, newBearerSecret } from "../crypto/bearer-secret";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { consoleOrigin } from "../invitations/console-origin";

/** How stale "last used" may get before a call writes it again: one write a minute, not one per call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ScimActor = Extract<Actor, { kind: "scim" }>;

/** Where an identity provider sends its SCIM requests. */
export function scimBaseUrl(): string {
  return `${consoleOrigin()}/scim/v2`;
}

/** Whether the team has a SCIM token and how it was last used; never the secret, which is not kept. */
export async function scimTokenStatus(db: Queryable, teamId: string) {
  const [token] = await db
    .select({
      prefix: scimTokens.prefix,
      createdAt: scimTokens.createdAt,
      createdByName: accounts.name,
      createdByEmail: accounts.email,
      lastUsedAt: scimTokens.lastUsedAt,
      lastUsedIp: scimTokens.lastUsedIp,
    })
    .from(scimTokens)
    .leftJoin(accounts, eq(accounts.id, scimTokens.createdByAccountId))
    .where(eq(scimTokens.teamId, teamId));
  return { baseUrl: scimBaseUrl(), token: token ?? null };
}

/**
 * Gives the team a new SCIM token; one that existed stops working in the same statement, so
 * there is never a moment with two. The secret is returned this once and only its hash kept.
 */
export async function generateScimToken(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string },
): Promise<{ secret: string; prefix: string }> {
  const now = ctx.clock.now();
  const { secret, prefix, hash } = newBearerSecret("ccscim_");
  return db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ prefix: scimTokens.prefix })
      .from(scimTokens)
      .where(eq(scimTokens.teamId, input.teamId))
      .for("update");
    const fields = {
      prefix,
      tokenHash: hash,
      createdByAccountId: actingAccountId(ctx.actor),
      createdAt: now,
      lastUsedAt: null,
      lastUsedIp: null,
    };
    const [token] = await tx
      .insert(scimTokens)
      .values({ teamId: input.teamId, ...fields })
      .onConflictDoUpdate({ target: scimTokens.teamId, set: fields })
      .returning({ id: scimTokens.id });
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: previous ? "scim_token.replaced" : "scim_token.generated",
      target: { type: "scim_token", id: token!.id },
      before: previous ? { prefix: previous.prefix } : null,
      after: { prefix },
    });
    return { secret, prefix };
  });
}

/** The identity provider's requests stop working at once. */
export async function revokeScimToken(db: Queryable, ctx: DomainContext, input: { teamId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .delete(scimTokens)
      .where(eq(scimTokens.teamId, input.teamId))
      .returning({ id: scimTokens.id, prefix: scimTokens.prefix });
    if (!revoked) throw new DomainError("NOT_FOUND", "scimTokenMissing");
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "scim_token.revoked",
      target: { type: "scim_token", id: revoked.id },
      before: { prefix: revoked.prefix },
      after: null,
    });
  });
}

/** The actor of a SCIM request made with a team's token, or a refusal for a token the console does not know. */
export async function authenticateScimToken(
  db: Queryable,
  clock: Clock,
  secret: string,
  ip: string | null,
): Promise<ScimActor> {
  const now = clock.now();
  const [token] = await db
    .select({ id: scimTokens.id, prefix: scimTokens.prefix, teamId: scimTokens.teamId })
    .from(scimTokens)
    .where(eq(scimTokens.tokenHash, hashBearerSecret(secret)));
  if (!token) throw new DomainError("UNAUTHENTICATED", "scimTokenUnknown");
  await db
    .update(scimTokens)
    .set({ lastUsedAt: now, lastUsedIp: ip })
    .where(
      and(
        eq(scimTokens.id, token.id),
        or(
          isNull(scimTokens.lastUsedAt),
          sql`${scimTokens.lastUsedAt} < ${new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString()}::timestamptz`,
          sql`${scimTokens.lastUsedIp} is distinct from ${ip}`,
        ),
      ),
    );
  return { kind: "scim", scimTokenId: token.id, prefix: token.prefix, teamId: token.teamId };
}
