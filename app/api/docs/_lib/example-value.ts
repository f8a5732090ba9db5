import { typesOf } from "./describe-type";
import type { OpenApiDocument, Schema } from "./openapi";
import { isReference, resolve } from "./resolve";

/** Sample strings by format, so an example body reads like a real one. */
const STRING_SAMPLES: Record<string, string> = {
  email: "ada@example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
  "date-time": "2025-01-31T09:00:00Z",
  date: "2025-01-31",
  time: "09:00:00Z",
  uri: "https://example.com",
  url: "https://example.com",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
};

/** What the schema itself offers as an example, in the order of preference of OpenAPI 3.1. */
function givenExample(schema: Schema): { value: unknown } | undefined {
  if (schema.examples && schema.examples.length > 0) return { value: schema.examples[0] };
  if (schema.example !== undefined) return { value: schema.example };
  if (schema.const !== undefined) return { value: schema.const };
  if (schema.default !== undefined) return { value: schema.default };
  if (schema.enum && schema.enum.length > 0) return { value: schema.enum[0] };
  return undefined;
}

function sample(schema: Schema, document: OpenApiDocument, expanding: ReadonlySet<string>): unknown {
  if (isReference(schema)) {
    if (expanding.has(schema.$ref)) return undefined;
    const target = resolve<Schema>(document, schema);
    return target ? sample(target, document, new Set([...expanding, schema.$ref])) : undefined;
  }
  const given = givenExample(schema);
  if (given) return given.value;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const options = alternatives.map((option) => sample(option, document, expanding));
    return options.find((option) => option !== null && option !== undefined) ?? options[0];
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => sample(part, document, expanding));
    return parts.every((part) => typeof part === "object" && part !== null && !Array.isArray(part))
      ? Object.assign({}, ...parts)
      : parts[0];
  }
  const { types, nullable } = typesOf(schema);
  switch (types[0]) {
    case "object": {
      // A request example carries what a call needs: the required properties, or all when none are.
      const names = Object.keys(schema.properties ?? {});
      const wanted = schema.required ? names.filter((name) => schema.required!.includes(name)) : names;
      const entries = wanted
        .filter((name) => !schema.properties![name]!.readOnly)
        .map((name) => [name, sample(schema.properties![name]!, document, expanding)] as const)
        .filter(([, value]) => value !== undefined);
      return Object.fromEntries(entries);
    }
    case "array": {
      const item = schema.items ? sample(schema.items, document, expanding) : undefined;
      return item === undefined ? [] : [item];
    }
    case "string":
      return STRING_SAMPLES[schema.format ?? ""] ?? "string";
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    default:
      return nullable ? null : undefined;
  }
}

/**
 * A value that fits the schema, for examples: the schema's own example where it gives one,
 * otherwise one made up from its types and formats. Undefined when nothing can be made.
 */
export function exampleValue(schema: Schema | undefined, document: OpenApiDocument): unknown {
  return schema ? sample(schema, document, new Set()) : undefined;
}
