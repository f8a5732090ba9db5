import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { RequestMeta } from "../actor";
import type { Clock } from "../clock";
import { dummyPasswordHash, hashPassword, passwordNeedsRehash, verifyPassword } from "../crypto/passwords";
import { createSession } from "./sessions";

/**
 * Checks an email and password and opens a new session. Unknown email and wrong password
 * answer the same null, after the same amount of hashing work.
 */
export async function signInWithPassword(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  credentials: { email: string; password: string },
): Promise<{ accountId: string; sessionId: string } | null> {
  const [account] = await db
    .select({ id: accounts.id, email: accounts.email, passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(and(eq(sql`lower(${accounts.email})`, credentials.email.trim().toLowerCase()), isNull(accounts.pseudonymisedAt)));

  const passwordHash = account?.passwordHash ?? (await dummyPasswordHash());
  const passwordMatches = await verifyPassword(passwordHash, credentials.password);
  if (!account?.passwordHash || !passwordMatches) return null;

  const rehashed = passwordNeedsRehash(account.passwordHash) ? await hashPassword(credentials.password) : undefined;
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const sessionId = await createSession(tx, {
      accountId: account.id,
      now,
      ip: ctx.request.ip,
      userAgent: ctx.request.userAgent,
    });
    await tx
      .update(accounts)
      .set({ lastSignInAt: now, ...(rehashed ? { passwordHash: rehashed } : {}) })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, {
      teamId: null,
      actor: { kind: "account", accountId: account.id, email: account.email, sessionId, mfaVerified: false },
      occurredAt: now,
      request: ctx.request,
      action: "account.signed_in",
      target: { type: "account", id: account.id },
      after: { sessionId, passwordRehashed: Boolean(rehashed) },
    });
    return { accountId: account.id, sessionId };
  });
}
