import { and, eq, isNull, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, sessions } from "@/db/schema";
import type { Clock } from "../clock";

/** ASVS level 2 defaults. */
export const SESSION_IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export async function createSession(
  db: Queryable,
  input: { accountId: string; now: Date; ip: string | null; userAgent: string | null },
): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({
      accountId: input.accountId,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS),
      ip: input.ip,
      userAgent: input.userAgent,
    })
    .returning({ id: sessions.id });
  return row!.id;
}

export interface LiveSession {
  sessionId: string;
  accountId: string;
  email: string;
  mfaVerified: boolean;
}

/** The session behind a cookie, if it is still alive; an expired one is ended on the spot. */
export async function resolveSession(db: Queryable, sessionId: string, clock: Clock): Promise<LiveSession | null> {
  const [row] = await db
    .select({ session: sessions, email: accounts.email })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.id, sessionId));
  if (!row || row.session.endedAt) return null;
  const now = clock.now();
  const idleSince = now.getTime() - row.session.lastSeenAt.getTime();
  if (now >= row.session.expiresAt || idleSince >= SESSION_IDLE_TIMEOUT_MS) {
    await endSession(db, sessionId, now);
    return null;
  }
  if (idleSince >= TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return {
    sessionId,
    accountId: row.session.accountId,
    email: row.email,
    mfaVerified: row.session.mfaVerifiedAt !== null,
  };
}

export async function endSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Ends every open session of an account (deactivation, password change), or all but one. */
export async function endAccountSessions(
  db: Queryable,
  accountId: string,
  now: Date,
  options: { except?: string } = {},
): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: now })
    .where(
      and(
        eq(sessions.accountId, accountId),
        isNull(sessions.endedAt),
        options.except ? ne(sessions.id, options.except) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}
