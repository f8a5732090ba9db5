import { describeType, type TypeWords, typesOf } from "./describe-type";
import type { OpenApiDocument, Schema } from "./openapi";
import { isReference, referenceName, resolve } from "./resolve";

/** The limits a schema sets on its values, by their OpenAPI keyword. */
const CONSTRAINT_KEYWORDS = [
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "pattern",
] as const;

export type ConstraintKeyword = (typeof CONSTRAINT_KEYWORDS)[number];

export interface Constraint {
  keyword: ConstraintKeyword;
  /** A number for the limits that count, the pattern's text for `pattern`. */
  value: number | string;
}

/** A schema laid out for reading: its type, what it says about its values, and what it holds. */
export interface SchemaNode {
  type: string;
  description?: string;
  /** Allowed values, as they are written in JSON (strings without quotes). */
  enumValues: string[];
  defaultValue?: string;
  constraints: Constraint[];
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  /** The properties of the object, or of each item of the array. */
  properties: SchemaProperty[];
  /** The shapes a oneOf/anyOf allows, when there is more than one to tell apart. */
  variants: SchemaVariant[];
  /** A named schema that is already being shown further up this tree: it is not expanded again. */
  recursive?: string;
}

export interface SchemaProperty {
  name: string;
  required: boolean;
  schema: SchemaNode;
}

export interface SchemaVariant {
  label: string;
  schema: SchemaNode;
}

/** How a JSON value is shown: strings as they are, everything else as JSON. */
export function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

interface Walk {
  document: OpenApiDocument;
  words: TypeWords;
  /** The references being expanded on the way down to here, so that a schema that contains itself ends. */
  expanding: ReadonlySet<string>;
}

function emptyNode(type: string): SchemaNode {
  return {
    type,
    enumValues: [],
    constraints: [],
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    properties: [],
    variants: [],
  };
}

/** allOf parts merged into one object schema: their properties and required lists together. */
function mergedProperties(schema: Schema, walk: Walk): { properties: Record<string, Schema>; required: Set<string> } {
  const properties: Record<string, Schema> = { ...schema.properties };
  const required = new Set(schema.required ?? []);
  for (const part of schema.allOf ?? []) {
    const target = isReference(part) ? resolve<Schema>(walk.document, part) : part;
    if (!target || (isReference(part) && walk.expanding.has(part.$ref))) continue;
    const inner = mergedProperties(
      target,
      isReference(part) ? { ...walk, expanding: new Set([...walk.expanding, part.$ref]) } : walk,
    );
    Object.assign(properties, inner.properties);
    for (const name of inner.required) required.add(name);
  }
  return { properties, required };
}

function variantsOf(schema: Schema, walk: Walk): SchemaVariant[] {
  const options = schema.oneOf ?? schema.anyOf ?? [];
  return options
    .map((option) => ({ label: describeType(option, walk.document, walk.words), schema: nodeOf(option, walk) }))
    .filter(({ schema: node }) => node.properties.length > 0 || node.variants.length > 0 || node.recursive);
}

function nodeOf(schema: Schema, walk: Walk): SchemaNode {
  const type = describeType(schema, walk.document, walk.words);
  if (isReference(schema)) {
    if (walk.expanding.has(schema.$ref)) return { ...emptyNode(type), recursive: referenceName(schema.$ref) };
    const target = resolve<Schema>(walk.document, schema);
    if (!target) return emptyNode(type);
    const inner = nodeOf(target, { ...walk, expanding: new Set([...walk.expanding, schema.$ref]) });
    // Words next to a reference (3.1 allows them) describe this use of the schema.
    return { ...inner, type, description: schema.description ?? inner.description };
  }
  const node: SchemaNode = {
    ...emptyNode(type),
    description: schema.description,
    enumValues: (schema.enum ?? []).map(valueText),
    defaultValue: schema.default === undefined ? undefined : valueText(schema.default),
    constraints: CONSTRAINT_KEYWORDS.filter((keyword) => schema[keyword] !== undefined).map((keyword) => ({
      keyword,
      value: schema[keyword]!,
    })),
    readOnly: schema.readOnly === true,
    writeOnly: schema.writeOnly === true,
    deprecated: schema.deprecated === true,
  };
  if (typesOf(schema).types.includes("array") && schema.items) {
    // An array shows what each of its items holds.
    const item = nodeOf(schema.items, walk);
    return {
      ...node,
      enumValues: node.enumValues.length ? node.enumValues : item.enumValues,
      properties: item.properties,
      variants: item.variants,
      recursive: item.recursive,
    };
  }
  const { properties, required } = mergedProperties(schema, walk);
  node.properties = Object.entries(properties).map(([name, property]) => ({
    name,
    required: required.has(name),
    schema: nodeOf(property, walk),
  }));
  const variants = variantsOf(schema, walk);
  // "X or null" needs no choice: X's properties are shown as the schema's own.
  if (variants.length === 1 && node.properties.length === 0) {
    const only = variants[0]!.schema;
    return { ...node, properties: only.properties, variants: only.variants, recursive: only.recursive };
  }
  return { ...node, variants };
}

/**
 * A schema as a tree of properties to read: references resolved, arrays shown by their
 * items, allOf merged, oneOf/anyOf as variants; a schema that contains itself is shown once.
 */
export function schemaTree(schema: Schema, document: OpenApiDocument, words: TypeWords): SchemaNode {
  return nodeOf(schema, { document, words, expanding: new Set() });
}
