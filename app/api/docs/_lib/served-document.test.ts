import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/server/rest/openapi-document";
import { openApiDocument } from "./openapi";
import { documentedOperations } from "./operations";
import { lookUp } from "./resolve";

/** Every `$ref` anywhere in a JSON value. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === "$ref" && typeof child === "string" ? [child] : referencesIn(child),
  );
}

describe("the API's own document, as the reference page reads it", () => {
  const document = openApiDocument(buildOpenApiDocument());

  it("has a reference that points somewhere for every $ref", () => {
    expect(referencesIn(document).filter((ref) => lookUp(document, ref) === undefined)).toEqual([]);
  });

  it("gives every operation an operationId of its own, so each has a link", () => {
    const ids = documentedOperations(document).map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => id === undefined)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is refused when it is not OpenAPI 3.1", () => {
    expect(() => openApiDocument({ openapi: "3.0.3" })).toThrow(/OpenAPI 3.1/);
  });
});
