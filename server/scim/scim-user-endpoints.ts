import { provisionScimUser } from "./provision-scim-user";
import {
  bodyObject,
  created,
  filtersOf,
  methodNotAllowed,
  noContent,
  ok,
  type ScimAnswer,
  type ScimCall,
} from "./scim-call";
import { pageOf } from "./scim-list";
import { patchOperationsOf } from "./scim-patch";
import { applyUserChanges, deleteScimUser } from "./scim-user-changes";
import { userChangesOf, userChangesOfPatch } from "./scim-user-input";
import { findScimUser, listScimUsers, requireScimUser, userListResponse, userResource } from "./scim-users";

/** The addresses of a User body's emails, primary first. */
function emailsOf(body: Record<string, unknown>): string[] {
  if (!Array.isArray(body.emails)) return [];
  return (body.emails as Array<{ value?: unknown; primary?: unknown }>)
    .filter((email) => typeof email?.value === "string")
    .sort((a, b) => Number(b.primary === true) - Number(a.primary === true))
    .map((email) => email.value as string);
}

/** /Users and /Users/{id}. */
export async function usersEndpoint(call: ScimCall, id: string | undefined): Promise<ScimAnswer> {
  const { db, ctx, teamId, method, query } = call;
  const now = ctx.clock.now();
  if (id === undefined) {
    if (method === "GET") {
      const page = pageOf(query);
      return ok(userListResponse(await listScimUsers(db, teamId, filtersOf(query), page, now), page));
    }
    if (method !== "POST") throw methodNotAllowed(method, "/Users");
    const body = bodyObject(call.body);
    const changes = userChangesOf(body);
    const { id: newId } = await provisionScimUser(db, ctx, teamId, changes, emailsOf(body));
    let user = await requireScimUser(db, teamId, newId, now);
    if (changes.active === false) {
      const stays = await applyUserChanges(db, ctx, teamId, user, { active: false });
      if (!stays) return noContent;
      user = await requireScimUser(db, teamId, newId, ctx.clock.now());
    }
    return created(userResource(user, changes.externalId));
  }
  const user = await requireScimUser(db, teamId, id, now);
  switch (method) {
    case "GET":
      return ok(userResource(user));
    case "PUT":
    case "PATCH": {
      const changes =
        method === "PUT" ? userChangesOf(bodyObject(call.body)) : userChangesOfPatch(patchOperationsOf(call.body));
      const stays = await db.transaction((tx) => applyUserChanges(tx, ctx, teamId, user, changes));
      const after = stays ? await findScimUser(db, teamId, id, ctx.clock.now()) : null;
      return after ? ok(userResource(after, changes.externalId)) : noContent;
    }
    case "DELETE":
      await deleteScimUser(db, ctx, teamId, user);
      return noContent;
    default:
      throw methodNotAllowed(method, `/Users/${id}`);
  }
}
