import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

/** The definition: a copy with every object's keys sorted, through JSON.stringify. */
function sortedCopyJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === "object" && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((key) => [key, sortKeys((v as Record<string, unknown>)[key])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(value));
}

describe("canonical JSON", () => {
  it("is JSON.stringify of a key-sorted copy, for any JSON-like value", () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -0),
        fc.string({ unit: "binary" }),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.date({ noInvalidDate: true }),
        fc.array(tie("node")),
        fc.dictionary(fc.string({ unit: "binary" }), tie("node")),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson({ root: v })).toBe(sortedCopyJson({ root: v }));
      }),
      { numRuns: 2000 },
    );
  });

  it("sorts keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ f: 1, e: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"e":2,"f":1}]},"b":1}',
    );
  });
});
