import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, apiTokens } from "@/db/schema";
import { newBearerSecret } from "../crypto/bearer-secret";
import type { Permission } from "../permissions";

/** An API key of the team made by the account of `creatorEmail`, straight in the table; returns its secret. */
export async function issueTestApiKey(
  db: Database,
  input: { teamId: string; creatorEmail: string; scopes: Permission[]; now?: Date; expiresAt?: Date },
): Promise<{ secret: string; id: string; prefix: string }> {
  const [creator] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, input.creatorEmail.toLowerCase()));
  const now = input.now ?? new Date();
  const { secret, prefix, hash } = newBearerSecret("cc_");
  const [key] = await db
    .insert(apiTokens)
    .values({
      teamId: input.teamId,
      name: `Test key ${prefix}`,
      prefix,
      tokenHash: hash,
      permissions: input.scopes,
      createdByAccountId: creator!.id,
      createdAt: now,
      expiresAt: input.expiresAt ?? new Date(now.getTime() + 90 * 24 * 60 * 60 * 1000),
    })
    .returning({ id: apiTokens.id });
  return { secret, id: key!.id, prefix };
}
