import { ScimError } from "./scim-errors";
import { booleanValue, type PatchOperation, parsePath, stringValue } from "./scim-patch";

/** What a request asks of a user; attributes the console does not keep are left out (RFC 7644 lets a server ignore them). */
export interface UserChanges {
  userName?: string;
  active?: boolean;
  givenName?: string;
  familyName?: string;
  formatted?: string;
  displayName?: string;
  externalId?: string;
}

function objectOf(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ScimError(400, `${what} is an object.`, "invalidValue");
  }
  return value as Record<string, unknown>;
}

/** Sets one attribute (a lower-cased path such as `name.givenname`) from a request's value. */
function setAttribute(changes: UserChanges, attribute: string, subAttribute: string | undefined, value: unknown): void {
  const path = subAttribute ? `${attribute}.${subAttribute}` : attribute;
  switch (path) {
    case "username":
      changes.userName = stringValue(value, "userName");
      return;
    case "active":
      changes.active = booleanValue(value, "active");
      return;
    case "displayname":
      changes.displayName = stringValue(value, "displayName");
      return;
    case "externalid":
      changes.externalId = stringValue(value, "externalId");
      return;
    case "name.givenname":
      changes.givenName = stringValue(value, "name.givenName");
      return;
    case "name.familyname":
      changes.familyName = stringValue(value, "name.familyName");
      return;
    case "name.formatted":
      changes.formatted = stringValue(value, "name.formatted");
      return;
    case "name":
      for (const [key, part] of Object.entries(objectOf(value, "name"))) {
        setAttribute(changes, "name", key.toLowerCase(), part);
      }
      return;
  }
}

/** The attributes of a whole User body (POST, PUT, or a PATCH value without a path). */
export function userChangesOf(body: unknown, changes: UserChanges = {}): UserChanges {
  for (const [key, value] of Object.entries(objectOf(body, "A User"))) {
    // Extension attributes and anything that is not an attribute name are not the console's to keep.
    if (value === null || /^urn:/i.test(key) || !/^[A-Za-z][\w$.-]*$/.test(key)) continue;
    const path = parsePath(key);
    setAttribute(changes, path.attribute, path.subAttribute, value);
  }
  return changes;
}

/** The changes of a PATCH: Okta's value objects and Entra's paths both end up as one set of attributes. */
export function userChangesOfPatch(operations: PatchOperation[]): UserChanges {
  const changes: UserChanges = {};
  for (const operation of operations) {
    if (operation.op === "remove") continue;
    if (!operation.path) userChangesOf(operation.value, changes);
    else if (!operation.path.selector) {
      setAttribute(changes, operation.path.attribute, operation.path.subAttribute, operation.value);
    }
  }
  return changes;
}

/** The account name the changes ask for, if they name one: the parts given, the rest kept from the current name. */
export function wantedName(changes: UserChanges, current: { givenName: string; familyName: string }): string | null {
  if (changes.formatted?.trim()) return changes.formatted.trim();
  if (changes.givenName !== undefined || changes.familyName !== undefined) {
    return [changes.givenName ?? current.givenName, changes.familyName ?? current.familyName]
      .map((part) => part.trim())
      .filter(Boolean)
      .join(" ");
  }
  return changes.displayName?.trim() || null;
}
