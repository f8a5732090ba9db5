import { and, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, apiTokens, memberships } from "@/db/schema";

/**
 * Whether a key works: `creatorNotManager` when whoever made it is no longer an active owner or
 * manager of the team (or no longer has an account), which disarms it until they are again.
 */
export type ApiKeyState = "active" | "expired" | "revoked" | "creatorNotManager";

export interface ListedApiKey {
  id: string;
  name: string;
  prefix: string;
  createdBy: { name: string; email: string } | null;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  state: ApiKeyState;
}

/** The team's keys, newest first, each with what it is today; never a secret or its hash. */
export async function listApiKeys(db: Queryable, teamId: string, now: Date): Promise<ListedApiKey[]> {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      creatorName: accounts.name,
      creatorEmail: accounts.email,
      scopes: apiTokens.permissions,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      lastUsedIp: apiTokens.lastUsedIp,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      creatorManages: memberships.id,
    })
    .from(apiTokens)
    .leftJoin(accounts, eq(accounts.id, apiTokens.createdByAccountId))
    .leftJoin(
      memberships,
      and(
        eq(memberships.teamId, apiTokens.teamId),
        eq(memberships.accountId, apiTokens.createdByAccountId),
        eq(memberships.status, "active"),
        inArray(memberships.role, ["owner", "manager"]),
      ),
    )
    .where(eq(apiTokens.teamId, teamId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(({ creatorName, creatorEmail, creatorManages, ...key }) => ({
    ...key,
    createdBy: creatorEmail === null ? null : { name: creatorName ?? creatorEmail, email: creatorEmail },
    state: key.revokedAt
      ? "revoked"
      : key.expiresAt <= now
        ? "expired"
        : creatorManages === null
          ? "creatorNotManager"
          : "active",
  }));
}
