import type { OpenApiDocument, Reference } from "./openapi";

/** The longest chain of references to references followed before giving up on a loop. */
const MAX_REFERENCE_HOPS = 16;

export function isReference(value: unknown): value is Reference {
  return typeof value === "object" && value !== null && typeof (value as Reference).$ref === "string";
}

/** The value a local JSON pointer like "#/components/schemas/User" points at, if there is one. */
export function lookUp(document: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((segment) => decodeURIComponent(segment).replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>(
      (node, segment) =>
        typeof node === "object" && node !== null && Object.hasOwn(node, segment)
          ? (node as Record<string, unknown>)[segment]
          : undefined,
      document,
    );
}

/**
 * The object a value stands for: itself, or what its reference (and any reference that
 * reference makes) points at. Undefined when a reference points nowhere or goes round in a loop.
 */
export function resolve<T extends object>(document: OpenApiDocument, value: T | Reference | undefined): T | undefined {
  let current: unknown = value;
  for (let hop = 0; hop <= MAX_REFERENCE_HOPS; hop++) {
    if (!isReference(current)) return current as T | undefined;
    current = lookUp(document, current.$ref);
  }
  return undefined;
}

/** The name a reference gives what it points at: "User" for "#/components/schemas/User". */
export function referenceName(ref: string): string {
  return decodeURIComponent(ref.split("/").at(-1) ?? ref);
}
