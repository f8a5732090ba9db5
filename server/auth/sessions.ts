import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, identityProviders, memberships, sessions, teamSettings } from "@/db/schema";
import type { RequestMeta } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../clock";

/** ASVS level 2 defaults; a team may ask for a shorter idle timeout. */
export const SESSION_IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** How long the cookie of a replaced session still leads to its successor. */
const REPLACEMENT_GRACE_MS = 10 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export async function createSession(
  db: Queryable,
  input: {
    accountId: string;
    now: Date;
    ip: string | null;
    userAgent: string | null;
    mfaVerified: boolean;
    identityProviderId?: string | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({
      accountId: input.accountId,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS),
      mfaVerifiedAt: input.mfaVerified ? input.now : null,
      identityProviderId: input.identityProviderId ?? null,
      idleTimeoutMinutes: await strictestIdleTimeoutMinutes(db, input.accountId),
      ip: input.ip,
      userAgent: input.userAgent,
    })
    .returning({ id: sessions.id });
  return row!.id;
}

/** The shortest "sign out after inactivity" of the teams the session's account is active in now. */
const strictestTeamIdleMinutes = sql<number | null>`(
  select min(${teamSettings.sessionIdleMinutes})
  from ${memberships}
  join ${teamSettings} on ${teamSettings.teamId} = ${memberships.teamId}
  where ${memberships.accountId} = ${sessions.accountId} and ${memberships.status} = 'active'
)`.mapWith(Number);

/** The shortest "sign out after inactivity" of the teams the account is active in. */
async function strictestIdleTimeoutMinutes(db: Queryable, accountId: string): Promise<number> {
  const [row] = await db
    .select({ minutes: sql<number | null>`min(${teamSettings.sessionIdleMinutes})` })
    .from(memberships)
    .innerJoin(teamSettings, eq(teamSettings.teamId, memberships.teamId))
    .where(and(eq(memberships.accountId, accountId), eq(memberships.status, "active")));
  return Math.min(row?.minutes ?? SESSION_IDLE_TIMEOUT_MS / 60_000, SESSION_IDLE_TIMEOUT_MS / 60_000);
}

/**
 * Replaces a session by a new one at a privilege change (two-step verification turned on,
 * password changed): the old id stops working and names its successor, so the cookie that
 * carried it may be moved to the new one.
 */
export async function rotateSession(
  db: Queryable,
  sessionId: string,
  now: Date,
  options: { mfaVerified?: boolean } = {},
): Promise<string | null> {
  const [old] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .for("update");
  if (!old) return null;
  const [fresh] = await db
    .insert(sessions)
    .values({
      accountId: old.accountId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: old.expiresAt,
      mfaVerifiedAt: options.mfaVerified ? now : old.mfaVerifiedAt,
      identityProviderId: old.identityProviderId,
      idleTimeoutMinutes: old.idleTimeoutMinutes,
      ip: old.ip,
      userAgent: old.userAgent,
    })
    .returning({ id: sessions.id });
  await db.update(sessions).set({ endedAt: now, replacedBySessionId: fresh!.id }).where(eq(sessions.id, old.id));
  return fresh!.id;
}

/**
 * True when the cookie naming `previousId` may move to `nextId`: the only move a cookie may
 * make, to the session that replaced its own, and only in the moments after the replacement,
 * so a copy of the old cookie found later cannot take over the new session.
 */
export async function isSuccessorSession(
  db: Queryable,
  previousId: string,
  nextId: string,
  now: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ next: sessions.replacedBySessionId, endedAt: sessions.endedAt })
    .from(sessions)
    .where(eq(sessions.id, previousId));
  return row?.next === nextId && withinReplacementGrace(row.endedAt, now);
}

function withinReplacementGrace(endedAt: Date | null, now: Date): boolean {
  if (!endedAt) return false;
  const since = now.getTime() - endedAt.getTime();
  return since >= 0 && since < REPLACEMENT_GRACE_MS;
}

export interface LiveSession {
  sessionId: string;
  accountId: string;
  email: string;
  mfaVerified: boolean;
  /** The team whose identity provider signed the person in, if one did. */
  providerTeamId: string | null;
}

/** What decides whether a session is alive, to be read with whatever else a request needs in the same query. */
export const liveSessionColumns = {
  session: sessions,
  email: accounts.email,
  teamIdleMinutes: strictestTeamIdleMinutes,
  providerTeamId: identityProviders.teamId,
};

export interface SessionRow {
  session: typeof sessions.$inferSelect;
  email: string;
  teamIdleMinutes: number | null;
  providerTeamId: string | null;
}

/** The session behind a cookie, if it is still alive; an expired one is ended on the spot. */
export async function resolveSession(db: Queryable, sessionId: string, clock: Clock): Promise<LiveSession | null> {
  const [row] = await db
    .select(liveSessionColumns)
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(identityProviders, eq(identityProviders.id, sessions.identityProviderId))
    .where(eq(sessions.id, sessionId));
  return row ? settleSession(db, row, clock) : null;
}

/** Decides on a session row read by resolveSession or with a request's other reads: alive, ended now, or replaced. */
export async function settleSession(db: Queryable, row: SessionRow, clock: Clock): Promise<LiveSession | null> {
  const sessionId = row.session.id;
  const now = clock.now();
  if (row.session.endedAt) {
    // Requests already in flight when the session was replaced (the page rendered by the very
    // action that replaced it) still carry the old cookie: let them through to the successor.
    if (row.session.replacedBySessionId && withinReplacementGrace(row.session.endedAt, now)) {
      return resolveSession(db, row.session.replacedBySessionId, clock);
    }
    return null;
  }
  const idleSince = now.getTime() - row.session.lastSeenAt.getTime();
  // A team that shortens its timeout shortens its members' open sessions too, not only new ones.
  const idleMinutes = Math.min(row.session.idleTimeoutMinutes, row.teamIdleMinutes ?? row.session.idleTimeoutMinutes);
  if (now >= row.session.expiresAt || idleSince >= idleMinutes * 60_000) {
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
    providerTeamId: row.providerTeamId,
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

/** Signing out: the session ends and the account's log says so. */
export async function signOutSession(db: Queryable, sessionId: string, now: Date, request: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ accountId: sessions.accountId, email: accounts.email, endedAt: sessions.endedAt })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(eq(sessions.id, sessionId));
    if (!row || row.endedAt) return;
    await endSession(tx, sessionId, now);
    await recordAudit(tx, {
      teamId: null,
      actor: { kind: "account", accountId: row.accountId, email: row.email, sessionId, mfaVerified: false },
      occurredAt: now,
      request,
      action: "account.signed_out",
      target: { type: "session", id: sessionId },
    });
  });
}
