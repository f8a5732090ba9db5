import type { OpenApiDocument, Schema } from "./openapi";
import { isReference, referenceName, resolve } from "./resolve";

/** The words a type description is made of, in the reader's language. */
export interface TypeWords {
  /** "array of User" */
  arrayOf(item: string): string;
  /** "map of string to integer": an object whose keys are free and whose values have one type */
  mapOf(value: string): string;
  /** "one of Card, Invoice" */
  oneOf(options: readonly string[]): string;
  /** "any of …" */
  anyOf(options: readonly string[]): string;
  /** "all of …" */
  allOf(parts: readonly string[]): string;
  /** "string or null" */
  or(options: readonly string[]): string;
  /** A schema that allows any value. */
  any: string;
}

/** The JSON types a schema allows apart from null, and whether it allows null (3.1's `type` arrays, 3.0's `nullable`). */
export function typesOf(schema: Schema): { types: string[]; nullable: boolean } {
  const listed = schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : [...schema.type];
  const nullable = listed.includes("null") || schema.nullable === true;
  const types = listed.filter((type) => type !== "null");
  if (types.length > 0 || listed.length > 0) return { types, nullable };
  // An untyped schema still says what it is by its keywords.
  if (schema.properties || schema.additionalProperties !== undefined) return { types: ["object"], nullable };
  if (schema.items || schema.prefixItems) return { types: ["array"], nullable };
  const sample = schema.enum?.find((value) => value !== null) ?? schema.const;
  if (sample === undefined) return { types: [], nullable };
  return { types: [Number.isInteger(sample) ? "integer" : typeof sample], nullable };
}

function describeOne(type: string, schema: Schema, document: OpenApiDocument, words: TypeWords, seen: Set<string>) {
  if (type === "array") {
    return words.arrayOf(schema.items ? textOf(schema.items, document, words, seen) : words.any);
  }
  if (type === "object" && !schema.properties && typeof schema.additionalProperties === "object") {
    return words.mapOf(textOf(schema.additionalProperties, document, words, seen));
  }
  return schema.format ? `${type} (${schema.format})` : type;
}

/** Options of a oneOf/anyOf, with a lone "null" among them folded into "X or null". */
function describeAlternatives(
  options: readonly Schema[],
  document: OpenApiDocument,
  words: TypeWords,
  seen: Set<string>,
  combine: (options: readonly string[]) => string,
) {
  const described = options.map((option) => textOf(option, document, words, seen));
  const others = described.filter((text) => text !== "null");
  if (others.length === 1 && described.length === 2) return words.or([others[0]!, "null"]);
  return combine(described);
}

function textOf(schema: Schema, document: OpenApiDocument, words: TypeWords, seen: Set<string>): string {
  if (isReference(schema)) {
    // A named schema is called by its name; the page lists its properties where it is used.
    if (schema.$ref.startsWith("#/components/schemas/")) return referenceName(schema.$ref);
    if (seen.has(schema.$ref)) return referenceName(schema.$ref);
    const target = resolve<Schema>(document, schema);
    return target ? textOf(target, document, words, new Set([...seen, schema.$ref])) : referenceName(schema.$ref);
  }
  if (schema.oneOf) return describeAlternatives(schema.oneOf, document, words, seen, words.oneOf);
  if (schema.anyOf) return describeAlternatives(schema.anyOf, document, words, seen, words.anyOf);
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => textOf(part, document, words, seen));
    return parts.length === 1 ? parts[0]! : words.allOf(parts);
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const { types, nullable } = typesOf(schema);
  if (types.length === 0) return nullable ? "null" : words.any;
  const described = types.map((type) => describeOne(type, schema, document, words, seen));
  return described.length === 1 && !nullable ? described[0]! : words.or(nullable ? [...described, "null"] : described);
}

/**
 * A schema's type as a short text: "string (email)", "array of User", "string or null",
 * "one of Card, Invoice". Named schemas are called by their name, not expanded.
 */
export function describeType(schema: Schema | undefined, document: OpenApiDocument, words: TypeWords): string {
  return schema ? textOf(schema, document, words, new Set()) : words.any;
}
