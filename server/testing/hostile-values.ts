import fc from "fast-check";
import { type JsonSchema, schemaArbitrary } from "./json-schema-arbitrary";

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Values no form would send: injections, NUL bytes, huge and odd numbers, deep and wrong shapes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "'; drop table accounts; --",
    '" or 1=1 --',
    "<script>alert(document.cookie)</script>",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, on purpose
    "{{7*7}}${7*7}",
    "../../etc/passwd",
    "\u0000",
    "a\u0000b",
    "\uD800",
    "\uFEFF\u202E\u200B",
    "😀".repeat(300),
    "x".repeat(100_000),
    "",
    " ",
  ),
  fc.string().map((s) => `${s}\u0000${s}`),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constantFrom(
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 31,
    -(2 ** 31) - 1,
    1e308,
    -1e308,
    Infinity,
    -Infinity,
    NaN,
    -0,
    0.5,
  ),
  fc.constantFrom(null, undefined, true, false, [], {}, [null], new Date(Number.NaN), new Date("2999-12-31T00:00:00Z")),
  fc.constantFrom(nested(50), nested(5000), JSON.parse('{"__proto__": {"polluted": true}}'), {
    toString: "not a function",
  }),
  fc.array(fc.string(), { minLength: 200, maxLength: 600 }),
);

/**
 * Inputs for one procedure: mostly shaped like its schema, each field now and then a real
 * value (`known`: ids of the team the caller is in) or a hostile one, and sometimes a
 * hostile value in place of the whole input.
 */
export function fuzzedInput(schema: JsonSchema | null, known: Record<string, unknown>): fc.Arbitrary<unknown> {
  if (!schema)
    return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: hostileValue, weight: 1 });
  const fields = Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const choices = [
      { arbitrary: schemaArbitrary(property), weight: 3 },
      { arbitrary: hostileValue, weight: 2 },
      ...(key in known ? [{ arbitrary: fc.constant(known[key]), weight: 4 }] : []),
    ];
    return [key, fc.oneof(...choices)] as const;
  });
  const required = (schema.required ?? []).filter((key) => fields.some(([name]) => name === key));
  const shaped = fc.record(Object.fromEntries(fields), { requiredKeys: required });
  return fc.oneof({ arbitrary: shaped, weight: 9 }, { arbitrary: hostileValue, weight: 1 });
}
