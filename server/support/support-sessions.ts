import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, staff, supportGrants, supportSessions, teams } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import type { Actor } from "../actor";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { recipientLocale } from "../i18n/reader-locale";
import { translatorFor } from "../i18n/translator";
import { consoleUrl } from "../mail/console-url";
import { enqueueMail } from "../mail/enqueue-mail";
import { teamOwner } from "../teams/team-owner";

/** No support session outlives this, whatever the grant allows. */
export const SUPPORT_SESSION_MAX_MS = 60 * 60 * 1000;
/** Break-glass access needs a reason someone can review. */
const BREAK_GLASS_REASON_MIN = 20;

export interface StaffMember {
  id: string;
  role: "support" | "support_admin";
  accountId: string;
  email: string;
}

/**
 * Opens a read-only view of a team, under the team's active grant; a support_admin may open
 * it without one, with a written reason, and the team's owner is told at once.
 */
export async function openSupportSession(
  db: Queryable,
  ctx: DomainContext,
  member: StaffMember,
  input: { teamId: string; reason: string; breakGlass?: boolean },
): Promise<{ id: string; endsAt: Date }> {
  const reason = input.reason.trim();
  if (reason.length < 3) throw new DomainError("INVALID_INPUT", "giveAReasonOrATicket");
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, input.teamId));
    if (!team || team.status === "purged") throw new DomainError("NOT_FOUND", "thisTeamDoesNotExist");
    const [grant] = await tx
      .select()
      .from(supportGrants)
      .where(and(eq(supportGrants.teamId, team.id), isNull(supportGrants.revokedAt), gt(supportGrants.endsAt, now)))
      .orderBy(supportGrants.endsAt)
      .limit(1);
    const breakGlass = !grant;
    if (breakGlass) {
      if (member.role !== "support_admin" || !input.breakGlass) {
        throw new DomainError("FORBIDDEN", "hasNotGrantedSupportAccessAsk", { teamName: team.name });
      }
      if (reason.length < BREAK_GLASS_REASON_MIN) {
        throw new DomainError("INVALID_INPUT", "openingATeamWithoutItsConsent", { BREAK_GLASS_REASON_MIN });
      }
    }
    const endsAt = new Date(
      Math.min(now.getTime() + SUPPORT_SESSION_MAX_MS, grant ? grant.endsAt.getTime() : Number.POSITIVE_INFINITY),
    );
    const [session] = await tx
      .insert(supportSessions)
      .values({
        teamId: team.id,
        staffId: member.id,
        grantId: grant?.id ?? null,
        breakGlass,
        reason,
        startedAt: now,
        endsAt,
      })
      .returning({ id: supportSessions.id, endsAt: supportSessions.endsAt });
    await recordAudit(tx, {
      ...auditContext(ctx),
      actor: supportActor(member, team.id, session!.id),
      teamId: team.id,
      action: "support.session.started",
      target: { type: "support_session", id: session!.id },
      after: { reason, breakGlass, endsAt, grantId: grant?.id ?? null },
    });
    if (breakGlass) {
      const owner = await teamOwner(tx, team.id);
      if (owner) {
        const locale = await recipientLocale(tx, owner.accountId);
        const t = translatorFor(locale, "mail");
        await enqueueMail(
          tx,
          {
            to: owner.email,
            teamId: team.id,
            subject: t("supportWithoutGrant.subject", { teamName: team.name }),
            text: t("supportWithoutGrant.text", {
              staffEmail: member.email,
              teamName: team.name,
              reason,
              endsAt: formatDateTime(endsAt, locale),
              link: consoleUrl(`/teams/${team.id}/audit`),
            }),
          },
          now,
        );
      }
    }
    return session!;
  });
}

export function supportActor(member: StaffMember, teamId: string, supportSessionId: string): Actor {
  return {
    kind: "support",
    staffId: member.id,
    accountId: member.accountId,
    email: member.email,
    teamId,
    supportSessionId,
  };
}

export interface LiveSupportSession {
  actor: Extract<Actor, { kind: "support" }>;
  teamId: string;
  endsAt: Date;
  viewAsMembershipId: string | null;
}

/**
 * The support session a staff member's cookie names, if it is still alive for that team: not
 * ended, not past its end, its grant (if any) neither revoked nor over, the staff still staff,
 * and the staff member's own sign-in session through two-step verification (a support cookie
 * beside a session without it, such as one opened before enrolment, counts for nothing).
 * One found dead is ended and audited on the spot.
 */
export async function resolveSupportSession(
  db: Queryable,
  ctx: DomainContext,
  input: { supportSessionId: string; accountId: string; teamId: string; mfaVerified: boolean },
): Promise<LiveSupportSession | null> {
  if (!input.mfaVerified) return null;
  const [row] = await db
    .select({ session: supportSessions, staff, grant: supportGrants })
    .from(supportSessions)
    .innerJoin(staff, eq(staff.id, supportSessions.staffId))
    .leftJoin(supportGrants, eq(supportGrants.id, supportSessions.grantId))
    .where(and(eq(supportSessions.id, input.supportSessionId), eq(staff.accountId, input.accountId)));
  if (!row || row.session.endedAt || row.session.teamId !== input.teamId) return null;
  const now = ctx.clock.now();
  const grantOver = row.grant && (row.grant.revokedAt !== null || row.grant.endsAt <= now);
  if (row.session.endsAt <= now || grantOver || row.staff.revokedAt) {
    await endSupportSession(
      db,
      ctx,
      { supportSessionId: row.session.id, accountId: input.accountId },
      grantOver ? "grant_ended" : "expired",
    );
    return null;
  }
  const member = {
    id: row.staff.id,
    role: row.staff.role,
    accountId: input.accountId,
    email: ctx.actor.kind === "account" ? ctx.actor.email : "",
  };
  return {
    actor: supportActor(member, row.session.teamId, row.session.id) as LiveSupportSession["actor"],
    teamId: row.session.teamId,
    endsAt: row.session.endsAt,
    viewAsMembershipId: row.session.viewAsMembershipId,
  };
}

/** Ends a support session (Exit, expiry, revoked grant) and records it in the team's log. */
export async function endSupportSession(
  db: Queryable,
  ctx: DomainContext,
  input: { supportSessionId: string; accountId: string },
  why: "exit" | "expired" | "grant_ended",
): Promise<void> {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ session: supportSessions, staff })
      .from(supportSessions)
      .innerJoin(staff, eq(staff.id, supportSessions.staffId))
      .where(
        and(
          eq(supportSessions.id, input.supportSessionId),
          eq(staff.accountId, input.accountId),
          isNull(supportSessions.endedAt),
        ),
      )
      .for("update", { of: supportSessions });
    if (!row) return;
    await tx.update(supportSessions).set({ endedAt: now }).where(eq(supportSessions.id, row.session.id));
    const email = ctx.actor.kind === "account" || ctx.actor.kind === "support" ? ctx.actor.email : "";
    await recordAudit(tx, {
      ...auditContext(ctx),
      actor: supportActor(
        { id: row.staff.id, role: row.staff.role, accountId: input.accountId, email },
        row.session.teamId,
        row.session.id,
      ),
      teamId: row.session.teamId,
      action: "support.session.ended",
      target: { type: "support_session", id: row.session.id },
      after: { why },
    });
  });
}

/** Looks at the team as one of its members sees it, or (null) as a manager does again. */
export async function viewAsMember(
  db: Queryable,
  ctx: DomainContext,
  input: { supportSessionId: string; accountId: string; membershipId: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ session: supportSessions, staff })
      .from(supportSessions)
      .innerJoin(staff, eq(staff.id, supportSessions.staffId))
      .where(
        and(
          eq(supportSessions.id, input.supportSessionId),
          eq(staff.accountId, input.accountId),
          isNull(supportSessions.endedAt),
        ),
      );
    if (!row) throw new DomainError("NOT_FOUND", "thisSupportSessionHasEndedOpen");
    if (input.membershipId) {
      const [membership] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.teamId, row.session.teamId), eq(memberships.id, input.membershipId)));
      if (!membership) throw new DomainError("NOT_FOUND", "thisUserIsNotInThe");
    }
    await tx
      .update(supportSessions)
      .set({ viewAsMembershipId: input.membershipId })
      .where(eq(supportSessions.id, row.session.id));
    const email = ctx.actor.kind === "account" ? ctx.actor.email : "";
    await recordAudit(tx, {
      ...auditContext(ctx),
      actor: supportActor(
        { id: row.staff.id, role: row.staff.role, accountId: input.accountId, email },
        row.session.teamId,
        row.session.id,
      ),
      teamId: row.session.teamId,
      action: input.membershipId ? "support.view_as_member" : "support.view_as_manager",
      target: input.membershipId
        ? { type: "membership", id: input.membershipId }
        : { type: "support_session", id: row.session.id },
    });
  });
}

/** The staff member's support session the cookie names, while it is open. */
export async function openSupportSessionOf(db: Queryable, staffId: string, supportSessionId: string, now: Date) {
  const [row] = await db
    .select({
      id: supportSessions.id,
      teamId: supportSessions.teamId,
      teamName: teams.name,
      endsAt: supportSessions.endsAt,
    })
    .from(supportSessions)
    .innerJoin(teams, eq(teams.id, supportSessions.teamId))
    .where(
      and(
        eq(supportSessions.id, supportSessionId),
        eq(supportSessions.staffId, staffId),
        isNull(supportSessions.endedAt),
      ),
    );
  return row && row.endsAt > now ? row : null;
}
