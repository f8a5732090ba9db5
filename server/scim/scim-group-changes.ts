import type { Queryable } from "@/db/client";
import type { DomainContext } from "../domain-context";
import { addGroupMembers } from "../groups/add-group-members";
import { createGroup } from "../groups/create-group";
import { removeGroupMembers } from "../groups/remove-group-members";
import { renameGroup } from "../groups/rename-group";
import { ScimError } from "./scim-errors";
import type { ScimGroup } from "./scim-groups";
import { type PatchOperation, stringValue } from "./scim-patch";
import { isScimId } from "./scim-users";

/** The membership ids of a `members` value: a list of `{ "value": "<membership id>" }`. */
export function memberIdsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((member) => {
    const id = (member as { value?: unknown } | null)?.value;
    if (typeof id !== "string" || !isScimId(id)) {
      throw new ScimError(
        400,
        `A member is { "value": "<user id>" }; ${JSON.stringify(member)} is not.`,
        "invalidValue",
      );
    }
    return id;
  });
}

/** The name a Group body gives, checked. */
export function displayNameOf(body: Record<string, unknown>): string | undefined {
  const name = body.displayName;
  if (name === undefined) return undefined;
  const text = stringValue(name, "displayName").trim();
  if (!text) throw new ScimError(400, "displayName cannot be empty.", "invalidValue");
  return text;
}

export async function createScimGroup(
  db: Queryable,
  ctx: DomainContext,
  teamId: string,
  body: Record<string, unknown>,
): Promise<{ id: string }> {
  const name = displayNameOf(body);
  if (!name) throw new ScimError(400, "displayName is required.", "invalidValue");
  const members = body.members === undefined || body.members === null ? [] : memberIdsOf(body.members);
  return db.transaction(async (tx) => {
    const { id } = await createGroup(tx, ctx, { teamId, name });
    if (members.length) await addGroupMembers(tx, ctx, { teamId, groupId: id, membershipIds: members });
    return { id };
  });
}

/** Makes the group's members exactly these, adding and removing only the difference. */
export async function setGroupMembers(
  db: Queryable,
  ctx: DomainContext,
  teamId: string,
  group: ScimGroup,
  wanted: string[],
): Promise<void> {
  const current = new Set(group.members.map((member) => member.value));
  const keep = new Set(wanted);
  const add = [...keep].filter((id) => !current.has(id));
  const remove = [...current].filter((id) => !keep.has(id));
  if (add.length) await addGroupMembers(db, ctx, { teamId, groupId: group.id, membershipIds: add });
  if (remove.length) await removeGroupMembers(db, ctx, { teamId, groupId: group.id, membershipIds: remove });
}

/**
 * Applies a PatchOp to a group, in both dialects: Okta adds with `path: "members"` and removes
 * with `members[value eq "…"]`, renames with a value object; Microsoft Entra ID adds and
 * removes with `path: "members"` and a value list. The caller runs it in one transaction.
 */
export async function patchScimGroup(
  db: Queryable,
  ctx: DomainContext,
  teamId: string,
  group: ScimGroup,
  operations: PatchOperation[],
): Promise<void> {
  let members = group.members.map((member) => member.value);
  let name: string | undefined;
  for (const { op, path, value } of operations) {
    const attribute = path?.attribute;
    if (!path) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new ScimError(400, "A PATCH value without a path is an object of attributes.", "invalidValue");
      }
      const body = value as Record<string, unknown>;
      name = displayNameOf(body) ?? name;
      if (body.members !== undefined) {
        const ids = memberIdsOf(body.members);
        members = op === "replace" ? ids : [...members, ...ids];
      }
    } else if (attribute === "displayname") {
      if (op === "remove") throw new ScimError(400, "A group always has a displayName.", "mutability");
      name = displayNameOf({ displayName: value });
    } else if (attribute === "members") {
      if (op === "add") members = [...members, ...memberIdsOf(value)];
      else if (op === "replace") members = memberIdsOf(value);
      else if (path.selector) {
        if (path.selector.attribute !== "value") {
          throw new ScimError(400, 'Members are selected by value: members[value eq "<user id>"].', "invalidPath");
        }
        const selected = path.selector.value;
        members = members.filter((id) => id !== selected);
      } else if (value === undefined) members = [];
      else {
        const gone = new Set(memberIdsOf(value));
        members = members.filter((id) => !gone.has(id));
      }
    }
  }
  if (name !== undefined) await renameGroup(db, ctx, { teamId, groupId: group.id, name });
  await setGroupMembers(db, ctx, teamId, group, [...new Set(members)]);
}
