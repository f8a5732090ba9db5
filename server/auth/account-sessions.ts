import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { sessions } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { endAccountSessions, endSession } from "./sessions";

type AccountContext = DomainContext & { actor: { kind: "account"; accountId: string; sessionId: string | null } };

/** "Chrome on Linux": enough to recognise one's own devices, no fingerprinting library needed. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const browser =
    [
      ["Edg/", "Edge"],
      ["OPR/", "Opera"],
      ["Firefox/", "Firefox"],
      ["Chrome/", "Chrome"],
      ["Safari/", "Safari"],
    ].find(([token]) => userAgent.includes(token!))?.[1] ?? "Browser";
  const system =
    [
      ["Windows", "Windows"],
      ["iPhone", "iOS"],
      ["iPad", "iPadOS"],
      ["Android", "Android"],
      ["Mac OS X", "macOS"],
      ["Linux", "Linux"],
    ].find(([token]) => userAgent.includes(token!))?.[1] ?? "an unknown system";
  return `${browser} on ${system}`;
}

/** The account's sessions that are still open, newest activity first. */
export async function listAccountSessions(db: Queryable, ctx: AccountContext) {
  const rows = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.accountId, ctx.actor.accountId),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, ctx.clock.now()),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((row) => ({
    id: row.id,
    browser: describeUserAgent(row.userAgent),
    ip: row.ip,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === ctx.actor.sessionId,
  }));
}

export async function endAccountSession(db: Queryable, ctx: AccountContext, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.accountId, ctx.actor.accountId), isNull(sessions.endedAt)));
    if (!row) throw new DomainError("NOT_FOUND", "thisSessionHasAlreadyEnded");
    await endSession(tx, row.id, ctx.clock.now());
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.session_ended",
      target: { type: "session", id: row.id },
    });
  });
}

/** "Sign out everywhere else". */
export async function endOtherAccountSessions(db: Queryable, ctx: AccountContext): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await endAccountSessions(tx, ctx.actor.accountId, ctx.clock.now(), {
      except: ctx.actor.sessionId ?? undefined,
    });
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.other_sessions_ended",
      target: { type: "account", id: ctx.actor.accountId },
      after: { sessionsEnded: ended },
    });
    return ended;
  });
}
