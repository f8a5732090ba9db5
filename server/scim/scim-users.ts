import { and, asc, count, eq, gt, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, invitations, memberships } from "@/db/schema";
import { ScimError } from "./scim-errors";
import { type EqualityFilter, refuseUnfilterable } from "./scim-filter";
import { listResponse, type Page, type ScimResource } from "./scim-list";
import { scimBaseUrl } from "./scim-token";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
const FILTERABLE = ["username", "emails.value", "emails", "active"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A SCIM User as the console holds it: a membership of the team (its id is the SCIM id), or,
 * for someone invited who has no account yet, their pending invitation.
 */
export interface ScimUser {
  id: string;
  /** The membership's or invitation's own id (the SCIM id is an invitation's once it has been accepted). */
  recordId: string;
  kind: "membership" | "invitation";
  email: string;
  name: string;
  status: "invited" | "active" | "deactivated";
  managed: boolean;
  created: Date;
  lastModified: Date;
}

export function isScimId(id: string): boolean {
  return UUID.test(id);
}

export function userNotFound(id: string): ScimError {
  return new ScimError(404, `No user ${id} in this team.`);
}

const membershipColumns = {
  id: memberships.id,
  email: accounts.email,
  name: accounts.name,
  status: memberships.status,
  managedByTeamId: accounts.managedByTeamId,
  teamId: memberships.teamId,
  created: memberships.createdAt,
  lastModified: memberships.updatedAt,
};

function membershipUser(
  row: { managedByTeamId: string | null; teamId: string } & Omit<ScimUser, "kind" | "managed" | "recordId">,
): ScimUser {
  const { managedByTeamId, teamId, ...user } = row;
  return { ...user, recordId: user.id, kind: "membership" as const, managed: managedByTeamId === teamId };
}

function pendingInvitation(teamId: string, now: Date): SQL {
  return and(
    eq(invitations.teamId, teamId),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  )!;
}

const invitationColumns = {
  id: invitations.id,
  email: invitations.email,
  name: sql<string>`coalesce(${invitations.name}, '')`,
  created: invitations.createdAt,
};

function invitationUser(row: { id: string; email: string; name: string; created: Date }): ScimUser {
  return { ...row, recordId: row.id, kind: "invitation", status: "invited", managed: false, lastModified: row.created };
}

/**
 * The team's user with this SCIM id. An invitation's id keeps naming the person after they
 * accept it, since the identity provider stored it when it created them.
 */
export async function findScimUser(db: Queryable, teamId: string, id: string, now: Date): Promise<ScimUser | null> {
  if (!isScimId(id)) return null;
  const [member] = await db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.teamId, teamId), eq(memberships.id, id)));
  if (member) return membershipUser(member);
  const [invited] = await db
    .select(invitationColumns)
    .from(invitations)
    .where(and(pendingInvitation(teamId, now), eq(invitations.id, id)));
  if (invited) return invitationUser(invited);
  const [accepted] = await db
    .select(membershipColumns)
    .from(invitations)
    .innerJoin(accounts, eq(sql`lower(${accounts.email})`, sql`lower(${invitations.email})`))
    .innerJoin(memberships, and(eq(memberships.accountId, accounts.id), eq(memberships.teamId, teamId)))
    .where(and(eq(invitations.teamId, teamId), eq(invitations.id, id), isNotNull(invitations.acceptedAt)));
  return accepted ? { ...membershipUser(accepted), id } : null;
}

export async function requireScimUser(db: Queryable, teamId: string, id: string, now: Date): Promise<ScimUser> {
  const user = await findScimUser(db, teamId, id, now);
  if (!user) throw userNotFound(id);
  return user;
}

/** The team's users matching the filters, members first, then people invited who have no account yet. */
export async function listScimUsers(
  db: Queryable,
  teamId: string,
  filters: EqualityFilter[],
  page: Page,
  now: Date,
): Promise<{ total: number; users: ScimUser[] }> {
  refuseUnfilterable(filters, FILTERABLE);
  const memberWhere: SQL[] = [eq(memberships.teamId, teamId)];
  const invitationWhere: SQL[] = [pendingInvitation(teamId, now)];
  for (const filter of filters) {
    if (filter.attribute === "active") {
      if (typeof filter.value !== "boolean")
        throw new ScimError(400, "active is compared with true or false.", "invalidFilter");
      memberWhere.push(filter.value ? eq(memberships.status, "active") : sql`${memberships.status} <> 'active'`);
      if (!filter.value) invitationWhere.push(sql`false`);
      continue;
    }
    if (typeof filter.value !== "string")
      throw new ScimError(400, `${filter.attribute} is compared with a string.`, "invalidFilter");
    const address = filter.value.trim().toLowerCase();
    memberWhere.push(eq(sql`lower(${accounts.email})`, address));
    invitationWhere.push(eq(sql`lower(${invitations.email})`, address));
  }
  const [members] = await db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(...memberWhere));
  const [invited] = await db
    .select({ n: count() })
    .from(invitations)
    .where(and(...invitationWhere));
  const memberTotal = members?.n ?? 0;
  const users: ScimUser[] = [];
  const offset = page.startIndex - 1;
  if (offset < memberTotal && page.count > 0) {
    const rows = await db
      .select(membershipColumns)
      .from(memberships)
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .where(and(...memberWhere))
      .orderBy(asc(memberships.createdAt), asc(memberships.id))
      .offset(offset)
      .limit(page.count);
    users.push(...rows.map(membershipUser));
  }
  const left = page.count - users.length;
  if (left > 0) {
    const rows = await db
      .select(invitationColumns)
      .from(invitations)
      .where(and(...invitationWhere))
      .orderBy(asc(invitations.createdAt), asc(invitations.id))
      .offset(Math.max(offset - memberTotal, 0))
      .limit(left);
    users.push(...rows.map(invitationUser));
  }
  return { total: memberTotal + (invited?.n ?? 0), users };
}

/** The account's one name, split the way a directory holds it: first word given, the rest family. */
export function nameParts(name: string): { givenName: string; familyName: string } {
  const [givenName = "", ...family] = name.trim().split(/\s+/);
  return { givenName, familyName: family.join(" ") };
}

/** The SCIM representation; externalId is echoed from the request that set it, since the console keeps none. */
export function userResource(user: ScimUser, externalId?: string): ScimResource {
  return {
    schemas: [USER_SCHEMA],
    id: user.id,
    ...(externalId ? { externalId } : {}),
    userName: user.email,
    name: { ...nameParts(user.name), formatted: user.name },
    displayName: user.name || user.email,
    emails: [{ value: user.email, type: "work", primary: true }],
    active: user.status !== "deactivated",
    meta: {
      resourceType: "User",
      created: user.created.toISOString(),
      lastModified: user.lastModified.toISOString(),
      location: `${scimBaseUrl()}/Users/${user.id}`,
    },
  };
}

export function userListResponse(result: { total: number; users: ScimUser[] }, page: Page) {
  return listResponse(
    result.total,
    page,
    result.users.map((user) => userResource(user)),
  );
}
