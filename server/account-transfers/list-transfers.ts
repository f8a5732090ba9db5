import { and, desc, eq, gt, notInArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { accounts, accountTransfers, memberships, teams } from "@/db/schema";
import type { TransferSide } from "./transfer-rules";

const fromTeam = alias(teams, "from_team");
const toTeam = alias(teams, "to_team");

const transferColumns = {
  id: accountTransfers.id,
  status: accountTransfers.status,
  fromTeamId: accountTransfers.teamId,
  fromTeamName: fromTeam.name,
  toTeamId: accountTransfers.toTeamId,
  toTeamName: toTeam.name,
  outApprovalRequired: accountTransfers.outApprovalRequired,
  inApprovalRequired: accountTransfers.inApprovalRequired,
  outAllowedAt: accountTransfers.outAllowedAt,
  inAllowedAt: accountTransfers.inAllowedAt,
  deniedSide: accountTransfers.deniedSide,
  denyReason: accountTransfers.denyReason,
  licensedOnArrival: accountTransfers.licensedOnArrival,
  createdAt: accountTransfers.createdAt,
  expiresAt: accountTransfers.expiresAt,
  endedAt: accountTransfers.endedAt,
};

/**
 * What Profile shows about transfers: the teams the person may move from (active memberships;
 * the team managing the account first) and their latest request, waiting or ended.
 */
export async function myAccountTransfers(db: Queryable, accountId: string, now: Date) {
  const [account] = await db
    .select({ managedByTeamId: accounts.managedByTeamId })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  const teamsOfMine = await db
    .select({ teamId: teams.id, name: teams.name, product: teams.product, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(
      and(
        eq(memberships.accountId, accountId),
        eq(memberships.status, "active"),
        notInArray(teams.status, ["terminated", "purged"]),
      ),
    )
    .orderBy(teams.name);
  const sources = teamsOfMine
    .map((team) => ({ ...team, managesMe: team.teamId === account?.managedByTeamId }))
    .sort((a, b) => Number(b.managesMe) - Number(a.managesMe));
  const [latest] = await db
    .select(transferColumns)
    .from(accountTransfers)
    .innerJoin(fromTeam, eq(fromTeam.id, accountTransfers.teamId))
    .innerJoin(toTeam, eq(toTeam.id, accountTransfers.toTeamId))
    .where(eq(accountTransfers.accountId, accountId))
    .orderBy(desc(accountTransfers.createdAt))
    .limit(1);
  // Past its time, a request waits no more, even before the expiry job has ended it.
  return {
    sources,
    latest: latest ? { ...latest, waiting: latest.status === "pending" && latest.expiresAt > now } : null,
  };
}

/** Waiting requests this team must answer, oldest first, with who asks and the other side's answer. */
export async function teamAccountTransfers(db: Queryable, teamId: string, now: Date) {
  const rows = await db
    .select({ ...transferColumns, name: accounts.name, email: accounts.email })
    .from(accountTransfers)
    .innerJoin(accounts, eq(accounts.id, accountTransfers.accountId))
    .innerJoin(fromTeam, eq(fromTeam.id, accountTransfers.teamId))
    .innerJoin(toTeam, eq(toTeam.id, accountTransfers.toTeamId))
    .where(
      and(
        eq(accountTransfers.status, "pending"),
        gt(accountTransfers.expiresAt, now),
        or(
          and(eq(accountTransfers.teamId, teamId), eq(accountTransfers.outApprovalRequired, true)),
          and(eq(accountTransfers.toTeamId, teamId), eq(accountTransfers.inApprovalRequired, true)),
        ),
      ),
    )
    .orderBy(accountTransfers.createdAt);
  return rows.map((row) => {
    const side: TransferSide = row.fromTeamId === teamId ? "out" : "in";
    const otherSide = side === "out" ? "in" : "out";
    const required = (s: TransferSide) => (s === "out" ? row.outApprovalRequired : row.inApprovalRequired);
    const allowedAt = (s: TransferSide) => (s === "out" ? row.outAllowedAt : row.inAllowedAt);
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      side,
      otherTeamName: side === "out" ? row.toTeamName : row.fromTeamName,
      allowedHere: allowedAt(side) !== null,
      otherSide: required(otherSide) ? (allowedAt(otherSide) ? "allowed" : "waiting") : "notNeeded",
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    } as const;
  });
}
