import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, identityProviders, memberships, sessions, teamSettings, teams } from "@/db/schema";
import { type Actor, anonymousActor } from "../actor";
import type { Clock } from "../clock";
import { activeMembershipOf, type TeamAccessRow, teamAccessColumns, teamAccessRow } from "../teams/team-access";
import { liveSessionColumns, resolveSession, settleSession } from "./sessions";

/**
 * Who a request's session cookie names, found once per request. A team call reads the session
 * and the team's access row in one round trip, so a team read costs that and its data query;
 * the several calls a page makes share both.
 */
export interface RequestActor {
  actor(): Promise<Actor>;
  /** The actor with the row its access to the team is decided on, read once per team in a request. */
  withTeam(teamId: string): Promise<{ actor: Actor; row: TeamAccessRow | null | undefined }>;
  /** After a change, access is read afresh: the change may have been to it. */
  forgetTeams(): void;
}

export function requestActor(db: Queryable, clock: Clock, sessionId: string): RequestActor {
  let actor: Promise<Actor> | undefined;
  const teamRows = new Map<string, Promise<{ actor: Actor; row: TeamAccessRow | null | undefined }>>();
  const toActor = (session: Awaited<ReturnType<typeof resolveSession>>): Actor =>
    session ? { kind: "account", ...session } : anonymousActor;

  const withTeam = async (teamId: string) => {
    if (actor) {
      // The session was read first, by an account call: the team's row is read once on its own.
      const known = await actor;
      return {
        actor: known,
        row: known.kind === "account" ? await teamAccessRow(db, known.accountId, teamId) : undefined,
      };
    }
    const [row] = await db
      .select({ ...liveSessionColumns, ...teamAccessColumns() })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .leftJoin(identityProviders, eq(identityProviders.id, sessions.identityProviderId))
      .leftJoin(teams, eq(teams.id, teamId))
      .leftJoin(teamSettings, eq(teamSettings.teamId, teams.id))
      .leftJoin(memberships, activeMembershipOf(sessions.accountId))
      .where(eq(sessions.id, sessionId));
    actor ??= (row ? settleSession(db, row, clock) : Promise.resolve(null)).then(toActor);
    const settled = await actor;
    // A replaced session's successor belongs to the same account, so the row still holds.
    if (!row || settled.kind !== "account") return { actor: settled, row: undefined };
    const { team, mfaRequired, membershipId, role, licensed } = row;
    return { actor: settled, row: { team, mfaRequired, membershipId, role, licensed } };
  };

  return {
    actor() {
      actor ??= resolveSession(db, sessionId, clock).then(toActor);
      return actor;
    },
    withTeam(teamId) {
      const found = teamRows.get(teamId) ?? withTeam(teamId);
      teamRows.set(teamId, found);
      return found;
    },
    forgetTeams() {
      teamRows.clear();
    },
  };
}
