import { deleteGroup } from "../groups/delete-group";
import { renameGroup } from "../groups/rename-group";
import {
  bodyObject,
  created,
  excludes,
  filtersOf,
  methodNotAllowed,
  noContent,
  ok,
  type ScimAnswer,
  type ScimCall,
} from "./scim-call";
import { createScimGroup, displayNameOf, memberIdsOf, patchScimGroup, setGroupMembers } from "./scim-group-changes";
import { groupListResponse, groupResource, listScimGroups, requireScimGroup, requireScimGroups } from "./scim-groups";
import { pageOf } from "./scim-list";
import { patchOperationsOf } from "./scim-patch";

/** /Groups and /Groups/{id}; a Claris Connect team has no groups and is told so. */
export async function groupsEndpoint(call: ScimCall, id: string | undefined): Promise<ScimAnswer> {
  const { db, ctx, teamId, method, query } = call;
  await requireScimGroups(db, teamId);
  const withMembers = !excludes(query, "members");
  if (id === undefined) {
    if (method === "GET") {
      const page = pageOf(query);
      return ok(groupListResponse(await listScimGroups(db, teamId, filtersOf(query), page), page, withMembers));
    }
    if (method !== "POST") throw methodNotAllowed(method, "/Groups");
    const body = bodyObject(call.body);
    const { id: newId } = await createScimGroup(db, ctx, teamId, body);
    const externalId = typeof body.externalId === "string" ? body.externalId : undefined;
    return created(groupResource(await requireScimGroup(db, teamId, newId), { withMembers: true, externalId }));
  }
  const group = await requireScimGroup(db, teamId, id);
  switch (method) {
    case "GET":
      return ok(groupResource(group, { withMembers }));
    case "PATCH": {
      const operations = patchOperationsOf(call.body);
      await db.transaction((tx) => patchScimGroup(tx, ctx, teamId, group, operations));
      return ok(groupResource(await requireScimGroup(db, teamId, id), { withMembers }));
    }
    case "PUT": {
      const body = bodyObject(call.body);
      const name = displayNameOf(body);
      const members = body.members === undefined || body.members === null ? [] : memberIdsOf(body.members);
      await db.transaction(async (tx) => {
        if (name) await renameGroup(tx, ctx, { teamId, groupId: group.id, name });
        await setGroupMembers(tx, ctx, teamId, group, members);
      });
      return ok(groupResource(await requireScimGroup(db, teamId, id), { withMembers: true }));
    }
    case "DELETE":
      // The directory decides which groups exist: deleting one that opens custom apps is its call.
      await deleteGroup(db, ctx, { teamId, groupId: group.id, confirmCustomApps: true });
      return noContent;
    default:
      throw methodNotAllowed(method, `/Groups/${id}`);
  }
}
