import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, groupMemberships, groups, memberships } from "@/db/schema";
import { requireProduct } from "../teams/require-product";
import { ScimError } from "./scim-errors";
import { type EqualityFilter, refuseUnfilterable } from "./scim-filter";
import { listResponse, type Page, type ScimResource } from "./scim-list";
import { scimBaseUrl } from "./scim-token";
import { isScimId } from "./scim-users";

export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

export interface ScimGroup {
  id: string;
  name: string;
  created: Date;
  members: Array<{ value: string; display: string }>;
}

/** Groups are a FileMaker Cloud feature: a Claris Connect team's Groups calls are refused saying so. */
export async function requireScimGroups(db: Queryable, teamId: string): Promise<void> {
  await requireProduct(db, teamId, "filemaker_cloud", "groups");
}

export function groupNotFound(id: string): ScimError {
  return new ScimError(404, `No group ${id} in this team.`);
}

async function membersOf(db: Queryable, teamId: string, groupIds: string[]) {
  if (groupIds.length === 0) return new Map<string, ScimGroup["members"]>();
  const rows = await db
    .select({ groupId: groupMemberships.groupId, value: groupMemberships.membershipId, display: accounts.email })
    .from(groupMemberships)
    .innerJoin(memberships, eq(memberships.id, groupMemberships.membershipId))
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(groupMemberships.teamId, teamId), inArray(groupMemberships.groupId, groupIds)))
    .orderBy(asc(groupMemberships.createdAt), asc(groupMemberships.membershipId));
  const byGroup = new Map<string, ScimGroup["members"]>();
  for (const { groupId, ...member } of rows) byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), member]);
  return byGroup;
}

const groupColumns = { id: groups.id, name: groups.name, created: groups.createdAt };

export async function findScimGroup(db: Queryable, teamId: string, id: string): Promise<ScimGroup | null> {
  if (!isScimId(id)) return null;
  const [group] = await db
    .select(groupColumns)
    .from(groups)
    .where(and(eq(groups.teamId, teamId), eq(groups.id, id)));
  if (!group) return null;
  return { ...group, members: (await membersOf(db, teamId, [group.id])).get(group.id) ?? [] };
}

export async function requireScimGroup(db: Queryable, teamId: string, id: string): Promise<ScimGroup> {
  const group = await findScimGroup(db, teamId, id);
  if (!group) throw groupNotFound(id);
  return group;
}

export async function listScimGroups(
  db: Queryable,
  teamId: string,
  filters: EqualityFilter[],
  page: Page,
): Promise<{ total: number; groups: ScimGroup[] }> {
  refuseUnfilterable(filters, ["displayname"]);
  const where: SQL[] = [eq(groups.teamId, teamId)];
  for (const filter of filters) {
    if (typeof filter.value !== "string")
      throw new ScimError(400, "displayName is compared with a string.", "invalidFilter");
    where.push(eq(sql`lower(${groups.name})`, filter.value.trim().toLowerCase()));
  }
  const [total] = await db
    .select({ n: count() })
    .from(groups)
    .where(and(...where));
  const rows =
    page.count === 0
      ? []
      : await db
          .select(groupColumns)
          .from(groups)
          .where(and(...where))
          .orderBy(asc(sql`lower(${groups.name})`), asc(groups.id))
          .offset(page.startIndex - 1)
          .limit(page.count);
  const members = await membersOf(
    db,
    teamId,
    rows.map((row) => row.id),
  );
  return { total: total?.n ?? 0, groups: rows.map((row) => ({ ...row, members: members.get(row.id) ?? [] })) };
}

export function groupResource(group: ScimGroup, options: { withMembers: boolean; externalId?: string }): ScimResource {
  const location = scimBaseUrl();
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    ...(options.externalId ? { externalId: options.externalId } : {}),
    displayName: group.name,
    ...(options.withMembers
      ? {
          members: group.members.map((member) => ({
            ...member,
            $ref: `${location}/Users/${member.value}`,
            type: "User",
          })),
        }
      : {}),
    meta: {
      resourceType: "Group",
      created: group.created.toISOString(),
      lastModified: group.created.toISOString(),
      location: `${location}/Groups/${group.id}`,
    },
  };
}

export function groupListResponse(result: { total: number; groups: ScimGroup[] }, page: Page, withMembers: boolean) {
  return listResponse(
    result.total,
    page,
    result.groups.map((group) => groupResource(group, { withMembers })),
  );
}
