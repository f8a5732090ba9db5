import { ScimError } from "./scim-errors";

export const PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const CORE_SCHEMA_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:(?:user|group):/i;
const MAX_OPERATIONS = 1_000;

/** Where an operation applies: `members`, `name.givenName`, `members[value eq "…"]`; names lower-cased. */
export interface PatchPath {
  attribute: string;
  /** A `[value eq "…"]` or `[type eq "work"]` selector. */
  selector?: { attribute: string; value: string };
  subAttribute?: string;
}

export interface PatchOperation {
  op: "add" | "remove" | "replace";
  /** null when the value object itself names the attributes (Okta's way). */
  path: PatchPath | null;
  value: unknown;
}

/**
 * The operations of a PatchOp request, in one form for both dialects: Okta writes `replace`
 * with a value object and no path, Microsoft Entra ID writes `Replace` with a path; op names
 * are read without case. Attributes of schema extensions come out as `extension` paths.
 */
export function patchOperationsOf(body: unknown): PatchOperation[] {
  const operations = (body as { Operations?: unknown } | null)?.Operations;
  if (!Array.isArray(operations)) {
    throw new ScimError(
      400,
      `A PATCH request is a ${PATCH_OP_SCHEMA} message with an Operations list.`,
      "invalidSyntax",
    );
  }
  if (operations.length > MAX_OPERATIONS) {
    throw new ScimError(400, `A PATCH request carries at most ${MAX_OPERATIONS} operations.`, "tooMany");
  }
  return operations.map((operation: unknown) => {
    const { op, path, value } = (operation ?? {}) as { op?: unknown; path?: unknown; value?: unknown };
    const name = typeof op === "string" ? op.toLowerCase() : "";
    if (name !== "add" && name !== "remove" && name !== "replace") {
      throw new ScimError(
        400,
        `${JSON.stringify(op)} is not a PATCH operation; use add, remove or replace.`,
        "invalidSyntax",
      );
    }
    if (path !== undefined && path !== null && typeof path !== "string") {
      throw new ScimError(400, "A PATCH path is a string.", "invalidPath");
    }
    const parsed = path ? parsePath(path) : null;
    if (name === "remove" && !parsed) throw new ScimError(400, "A remove operation names a path.", "noTarget");
    if (name !== "remove" && value === undefined) {
      throw new ScimError(400, `An ${name} operation carries a value.`, "invalidValue");
    }
    return { op: name, path: parsed, value };
  });
}

export function parsePath(text: string): PatchPath {
  const path = text.trim().replace(CORE_SCHEMA_PREFIX, "");
  if (/^urn:/i.test(path)) return { attribute: "extension" };
  const match = /^([A-Za-z][\w$-]*)(?:\[\s*(\w+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\])?(?:\.([A-Za-z][\w$-]*))?$/i.exec(
    path,
  );
  if (!match) throw new ScimError(400, `The path ${JSON.stringify(text)} could not be read.`, "invalidPath");
  const [, attribute, selectorAttribute, selectedValue, subAttribute] = match;
  return {
    attribute: attribute!.toLowerCase(),
    ...(selectorAttribute
      ? { selector: { attribute: selectorAttribute.toLowerCase(), value: JSON.parse(`"${selectedValue}"`) as string } }
      : {}),
    ...(subAttribute ? { subAttribute: subAttribute.toLowerCase() } : {}),
  };
}

/**
 * A boolean as identity providers send it: JSON true/false, or Microsoft Entra ID's "True" and
 * "False" strings. Anything else is a wrong type.
 */
export function booleanValue(value: unknown, attribute: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  throw new ScimError(400, `${attribute} is a boolean; ${JSON.stringify(value)} is not.`, "invalidValue");
}

export function stringValue(value: unknown, attribute: string): string {
  if (typeof value === "string") return value;
  throw new ScimError(400, `${attribute} is a string; ${JSON.stringify(value)} is not.`, "invalidValue");
}
