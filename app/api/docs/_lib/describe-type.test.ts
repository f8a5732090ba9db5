import { describe, expect, it } from "vitest";
import { describeType } from "./describe-type";
import type { OpenApiDocument } from "./openapi";
import { words } from "./test-words";

const document: OpenApiDocument = {
  openapi: "3.1.0",
  components: {
    schemas: { User: { type: "object" } },
    parameters: { Id: { name: "id", in: "path", schema: { type: "string" } } },
  },
};

describe("a schema's type in words", () => {
  it("names the JSON type with its format", () => {
    expect(describeType({ type: "string", format: "email" }, document, words)).toBe("string (email)");
    expect(describeType({ type: "integer" }, document, words)).toBe("integer");
  });

  it("calls a named schema by its name, also inside arrays and maps", () => {
    expect(describeType({ $ref: "#/components/schemas/User" }, document, words)).toBe("User");
    expect(describeType({ type: "array", items: { $ref: "#/components/schemas/User" } }, document, words)).toBe(
      "array of User",
    );
    expect(describeType({ type: "object", additionalProperties: { type: "integer" } }, document, words)).toBe(
      "map of string to integer",
    );
  });

  it("writes 3.1's nullable types and 3.0's nullable flag alike", () => {
    expect(describeType({ type: ["string", "null"] }, document, words)).toBe("string or null");
    expect(describeType({ type: "string", nullable: true }, document, words)).toBe("string or null");
    expect(describeType({ type: ["string", "integer"] }, document, words)).toBe("string or integer");
  });

  it("folds a oneOf with null into 'or null' and lists other alternatives", () => {
    expect(describeType({ oneOf: [{ $ref: "#/components/schemas/User" }, { type: "null" }] }, document, words)).toBe(
      "User or null",
    );
    expect(describeType({ oneOf: [{ $ref: "#/components/schemas/User" }, { type: "string" }] }, document, words)).toBe(
      "one of User, string",
    );
    expect(describeType({ anyOf: [{ type: "string" }, { type: "boolean" }] }, document, words)).toBe(
      "any of string, boolean",
    );
  });

  it("reads the type of an untyped schema from its keywords", () => {
    expect(describeType({ enum: ["a", "b"] }, document, words)).toBe("string");
    expect(describeType({ properties: {} }, document, words)).toBe("object");
    expect(describeType({ const: "fixed" }, document, words)).toBe('"fixed"');
    expect(describeType({}, document, words)).toBe("any value");
    expect(describeType(undefined, document, words)).toBe("any value");
  });

  it("names a reference that points nowhere instead of failing", () => {
    expect(describeType({ $ref: "#/components/schemas/Missing" }, document, words)).toBe("Missing");
  });
});
