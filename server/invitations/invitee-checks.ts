import { and, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, groups, invitations, memberships, teamSettings, teams } from "@/db/schema";
import { DomainError } from "../errors";
import { type Refusal, refusal } from "../i18n/refusal-format";
import { productLacks } from "../teams/require-product";

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 320 && EMAIL.test(value);
}

/** What an invitation needs to know about its team: product, name and the allowed email domains. */
export async function invitingTeam(db: Queryable, teamId: string) {
  const [team] = await db
    .select({
      id: teams.id,
      name: teams.name,
      product: teams.product,
      allowedDomains: teamSettings.allowedInviteDomains,
    })
    .from(teams)
    .leftJoin(teamSettings, eq(teamSettings.teamId, teams.id))
    .where(eq(teams.id, teamId));
  if (!team) throw new DomainError("NOT_FOUND", "thisTeamDoesNotExist");
  return { ...team, allowedDomains: (team.allowedDomains ?? []).map((d) => d.toLowerCase()) };
}

export type InvitingTeam = Awaited<ReturnType<typeof invitingTeam>>;

/** Null when the team's setting allows the address, else why not. */
export function domainRefusal(team: InvitingTeam, email: string): Refusal | null {
  if (team.allowedDomains.length === 0) return null;
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return team.allowedDomains.includes(domain)
    ? null
    : refusal("onlyDomainsMayBeInvited", { domains: team.allowedDomains.join(", ") });
}

/** Licences and groups exist only in FileMaker Cloud teams: say so instead of ignoring them. */
export function requireFeatures(team: InvitingTeam, wants: { licensed: boolean; groups: boolean }): void {
  if (team.product === "filemaker_cloud") return;
  if (wants.licensed) throw productLacks(team.product, "per-user licences");
  if (wants.groups) throw productLacks(team.product, "groups");
}

/** The team's groups among these ids; an id of another team is refused. */
export async function groupsOfTeam(db: Queryable, teamId: string, groupIds: readonly string[]) {
  if (groupIds.length === 0) return [];
  const found = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.teamId, teamId), inArray(groups.id, [...groupIds])));
  if (found.length !== new Set(groupIds).size) {
    throw new DomainError("NOT_FOUND", "someOfTheseGroupsDoNot");
  }
  return found;
}

/** Which of these addresses (lower case) already belong to the team or hold a live invitation. */
export async function existingInvitees(db: Queryable, teamId: string, emails: readonly string[], now: Date) {
  const lower = [...new Set(emails.map((e) => e.toLowerCase()))];
  const result = new Map<string, "member" | "invited">();
  if (lower.length === 0) return result;
  const members = await db
    .select({ email: sql<string>`lower(${accounts.email})` })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.teamId, teamId), inArray(sql`lower(${accounts.email})`, lower)));
  for (const m of members) result.set(m.email, "member");
  const pending = await db
    .select({ email: sql<string>`lower(${invitations.email})` })
    .from(invitations)
    .where(
      and(
        eq(invitations.teamId, teamId),
        inArray(sql`lower(${invitations.email})`, lower),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  for (const p of pending) if (!result.has(p.email)) result.set(p.email, "invited");
  return result;
}

/** An expired invitation no longer holds its address: it is revoked so a new one can be sent. */
export async function retireExpiredInvitations(db: Queryable, teamId: string, emails: readonly string[], now: Date) {
  if (emails.length === 0) return;
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.teamId, teamId),
        inArray(
          sql`lower(${invitations.email})`,
          emails.map((e) => e.toLowerCase()),
        ),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        lte(invitations.expiresAt, now),
      ),
    );
}
