import { createHash, randomBytes } from "node:crypto";

export type FieldPath = Array<string | number>;

export interface PersonalField {
  path: FieldPath;
  value: string;
  accountId: string | null;
}

/** Keys of before/after whose string values are email addresses of people. */
const EMAIL_KEYS = new Set(["email", "newEmail", "ownerEmail", "offeredTo", "viewingAs", "toEmail"]);

/**
 * The personal values of an event: the acting person's address, the addresses in its
 * before/after, and "name" on events about an account (elsewhere a name is a team's, host's
 * or app's). Each is tied to the account it is about: the sibling "accountId", else the
 * account the event targets.
 */
export function personalFieldsOf(event: {
  actorAccountId: string | null;
  actorLabel: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
}): PersonalField[] {
  const found: PersonalField[] = [];
  if (event.actorAccountId)
    found.push({ path: ["actorLabel"], value: event.actorLabel, accountId: event.actorAccountId });
  const targetAccount = event.targetType === "account" ? event.targetId : null;

  const walk = (value: unknown, path: FieldPath) => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, index]);
      return;
    }
    if (!value || typeof value !== "object") return;
    const sibling = (value as Record<string, unknown>).accountId;
    const accountId = typeof sibling === "string" ? sibling : targetAccount;
    for (const [key, item] of Object.entries(value)) {
      const personal = EMAIL_KEYS.has(key) || (key === "name" && targetAccount !== null);
      if (personal && typeof item === "string") found.push({ path: [...path, key], value: item, accountId });
      else walk(item, [...path, key]);
    }
  };
  walk(event.before, ["before"]);
  walk(event.after, ["after"]);
  return found;
}

export function emailKeyOf(value: string): string | null {
  return value.includes("@") ? value.trim().toLowerCase() : null;
}

export function newSalt(): string {
  return randomBytes(16).toString("base64url");
}

export function personalDigest(salt: string, value: string): string {
  return createHash("sha256").update(`${salt}:${value}`).digest("hex");
}

export function valueAt(root: unknown, path: FieldPath): unknown {
  let node = root;
  for (const key of path) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A copy of root with the value at path replaced (the path must exist). */
export function withValueAt<T>(root: T, path: FieldPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  copy[key!] = withValueAt(copy[key!], rest, value);
  return copy as T;
}
