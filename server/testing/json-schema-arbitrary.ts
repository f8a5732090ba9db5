import fc from "fast-check";

/** The part of JSON Schema that `z.toJSONSchema` writes for the console's inputs. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

/** Values the schema accepts (as far as JSON Schema can say: refinements and trims are not in it). */
export function schemaArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map(schemaArbitrary));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (Array.isArray(schema.type) ? schema.type[0] : schema.type) {
    case "string":
      return stringArbitrary(schema);
    case "integer":
      return fc.integer({ min: lowerBound(schema, -1e6), max: upperBound(schema, 1e6) });
    case "number":
      return fc.double({ min: lowerBound(schema, -1e6), max: upperBound(schema, 1e6), noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schemaArbitrary(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case "object": {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, schemaArbitrary(value)]),
      );
      return fc.record(record, { requiredKeys: [...required].filter((key) => key in properties) });
    }
    default:
      return fc.anything();
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 64, Math.max(minLength, 64));
  if (schema.format === "uuid") return fc.uuid({ version: 4 });
  if (schema.format === "email") return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 320));
  if (schema.pattern) {
    // "^[A-Z]+$" with a length range becomes "^[A-Z]{min,max}$": filtering short strings out would never end.
    const repeated = /^\^(\[[^\]]+\]|\\.|.)[+*]\$$/.exec(schema.pattern);
    const pattern = repeated ? `^${repeated[1]}{${Math.max(minLength, 1)},${maxLength}}$` : schema.pattern;
    return fc
      .stringMatching(new RegExp(pattern))
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({ minLength, maxLength, unit: "grapheme" });
}

function lowerBound(schema: JsonSchema, fallback: number): number {
  if (schema.minimum !== undefined) return schema.minimum;
  if (schema.exclusiveMinimum !== undefined) return schema.exclusiveMinimum + 1;
  return Math.max(fallback, Number.MIN_SAFE_INTEGER);
}

function upperBound(schema: JsonSchema, fallback: number): number {
  if (schema.maximum !== undefined) return schema.maximum;
  if (schema.exclusiveMaximum !== undefined) return schema.exclusiveMaximum - 1;
  return Math.min(fallback, Number.MAX_SAFE_INTEGER);
}

/**
 * One plain value the schema accepts, the same every run: required fields only, the smallest
 * number, the first choice. `known` supplies real values for fields it names (ids, passwords).
 */
export function sampleOf(schema: JsonSchema, known: Record<string, unknown> = {}): unknown {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return sampleOf(variants.find((v) => v.type !== "null") ?? variants[0]!, known);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (Array.isArray(schema.type) ? schema.type[0] : schema.type) {
    case "string": {
      if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
      if (schema.format === "email") return "sample.person@example.com";
      if (schema.pattern) return fc.sample(stringArbitrary(schema), { numRuns: 1, seed: 1 })[0];
      const text = "Sample text for a field";
      return text
        .padEnd(schema.minLength ?? 0, "x")
        .slice(0, Math.max(schema.maxLength ?? text.length, schema.minLength ?? 0));
    }
    case "integer":
    case "number":
      return lowerBound(schema, 1) > 1 ? lowerBound(schema, 1) : Math.min(1, upperBound(schema, 1));
    case "boolean":
      return false;
    case "null":
      return null;
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items ?? {}, known));
    case "object": {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (key in known) value[key] = known[key];
        else if ((schema.required ?? []).includes(key)) value[key] = sampleOf(property, known);
      }
      return value;
    }
    default:
      return null;
  }
}
