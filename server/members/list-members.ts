import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, groupMemberships, identityProviders, memberships } from "@/db/schema";
import { DomainError } from "../errors";
import { teamGroup } from "../groups/get-group";
import { decodeMemberCursor, encodeMemberCursor, type MemberSort, memberOrder } from "./member-order";

export const MEMBERS_PAGE_SIZE = 50;
/** The largest page a caller may ask for: automation reads 500 at a time, a person 50. */
export const MAX_MEMBERS_PAGE_SIZE = 500;

export interface MemberFilters {
  search?: string;
  role?: "owner" | "manager" | "member";
  licensed?: boolean;
  status?: "invited" | "active" | "deactivated";
  type?: "managed" | "external";
  /** Only the members of this group of the team. */
  groupId?: string;
  /** Only the members who last signed in through this identity provider of the team. */
  identityProviderId?: string;
}

export interface MemberListInput extends MemberFilters {
  sort?: MemberSort;
  direction?: "asc" | "desc";
  /** The page after this cursor, or the page before `before`. */
  after?: string;
  before?: string;
  limit?: number;
}

/** `%fragment%` for LIKE on lower-cased columns, with LIKE's own characters taken literally. */
export function containsPattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The filters as SQL on memberships joined with accounts, always inside the one team. */
export function memberConditions(teamId: string, filters: MemberFilters): SQL {
  const search = filters.search?.trim();
  const pattern = search ? containsPattern(search) : undefined;
  return and(
    eq(memberships.teamId, teamId),
    // lower(column) LIKE is what the trigram indexes on lower(name) and lower(email) serve.
    pattern ? sql`(lower(${accounts.name}) like ${pattern} or lower(${accounts.email}) like ${pattern})` : undefined,
    filters.role ? eq(memberships.role, filters.role) : undefined,
    filters.licensed !== undefined ? eq(memberships.licensed, filters.licensed) : undefined,
    filters.status ? eq(memberships.status, filters.status) : undefined,
    filters.type === "managed" ? sql`${accounts.managedByTeamId} = ${teamId}` : undefined,
    filters.type === "external" ? sql`${accounts.managedByTeamId} is distinct from ${teamId}` : undefined,
    filters.groupId
      ? sql`exists (select 1 from ${groupMemberships} where ${groupMemberships.teamId} = ${teamId} and ${groupMemberships.groupId} = ${filters.groupId} and ${groupMemberships.membershipId} = ${memberships.id})`
      : undefined,
    filters.identityProviderId ? eq(memberships.identityProviderId, filters.identityProviderId) : undefined,
  )!;
}

export const memberColumns = {
  id: memberships.id,
  accountId: accounts.id,
  name: accounts.name,
  email: accounts.email,
  role: memberships.role,
  licensed: memberships.licensed,
  status: memberships.status,
  managed: sql<boolean>`coalesce(${accounts.managedByTeamId} = ${memberships.teamId}, false)`,
  twoStep: sql<boolean>`${accounts.totpEnabledAt} is not null`,
  lastSignInAt: accounts.lastSignInAt,
  identityProvider: sql<
    string | null
  >`(select ${identityProviders.name} from ${identityProviders} where ${identityProviders.id} = ${memberships.identityProviderId})`,
};

/**
 * One page of the team's users in any sort, by keyset: the page starts after (or ends
 * before) the row a cursor names, so a page deep in 100,000 costs what the first does.
 */
export async function listMembers(db: Queryable, teamId: string, input: MemberListInput) {
  const sort = input.sort ?? "name";
  const direction = input.direction ?? "asc";
  const limit = input.limit ?? MEMBERS_PAGE_SIZE;
  const order = memberOrder(sort);
  const backwards = input.before !== undefined && input.after === undefined;
  const cursor = backwards
    ? decodeMemberCursor(input.before!, sort)
    : input.after
      ? decodeMemberCursor(input.after, sort)
      : null;
  // Walking backwards reads the list in the opposite order, then turns the page round.
  const ascending = (direction === "asc") !== backwards;
  const sortKey = sql`${order.key}`;
  // The cursor travels as text and is cast in SQL: a driver would turn the string "true" into a false boolean.
  const rows = await db
    .select({ ...memberColumns, sortKey: sql<string>`(${sortKey})::text` })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        memberConditions(teamId, input),
        cursor
          ? ascending
            ? sql`(${sortKey}, ${order.tieBreak}) > (${cursor.key}::text::${order.type}, ${cursor.id}::uuid)`
            : sql`(${sortKey}, ${order.tieBreak}) < (${cursor.key}::text::${order.type}, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(ascending ? sql`${sortKey} asc, ${order.tieBreak} asc` : sql`${sortKey} desc, ${order.tieBreak} desc`)
    .limit(limit + 1);
  // The group filter keeps to the team's own groups; only an empty page needs to ask whether the group is one.
  if (input.groupId && rows.length === 0) await teamGroup(db, teamId, input.groupId);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  const at = (row: (typeof page)[number] | undefined) =>
    row ? encodeMemberCursor({ sort, key: row.sortKey, id: row.accountId }) : null;
  return {
    members: page.map(({ sortKey: _sortKey, ...member }) => member),
    next: backwards ? (cursor ? at(page.at(-1)) : null) : more ? at(page.at(-1)) : null,
    previous: backwards ? (more ? at(page[0]) : null) : cursor ? at(page[0]) : null,
  };
}

/** One user of the team, with the same columns as a row of the list. */
export async function getMember(db: Queryable, teamId: string, membershipId: string) {
  const [member] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.teamId, teamId), eq(memberships.id, membershipId)));
  if (!member) throw new DomainError("NOT_FOUND", "thisUserIsNotInThe2");
  return member;
}
