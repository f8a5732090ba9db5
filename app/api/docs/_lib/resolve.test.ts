import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "./openapi";
import { lookUp, referenceName, resolve } from "./resolve";

const document = {
  openapi: "3.1.0",
  paths: { "/users/{id}": { get: { summary: "Get" } } },
  components: {
    schemas: { User: { type: "object" }, Alias: { $ref: "#/components/schemas/User" } },
    responses: {
      Loop: { $ref: "#/components/responses/Loop" },
    },
  },
} as OpenApiDocument;

describe("following references in the document", () => {
  it("finds what a local JSON pointer names, escapes included", () => {
    expect(lookUp(document, "#/components/schemas/User")).toEqual({ type: "object" });
    expect(lookUp(document, "#/paths/~1users~1%7Bid%7D/get")).toEqual({ summary: "Get" });
    expect(lookUp(document, "#/components/schemas/Nobody")).toBeUndefined();
    expect(lookUp(document, "https://example.com/schema.json")).toBeUndefined();
  });

  it("follows a reference to a reference, and gives up on a loop", () => {
    expect(resolve(document, { $ref: "#/components/schemas/Alias" })).toEqual({ type: "object" });
    expect(resolve(document, { $ref: "#/components/responses/Loop" })).toBeUndefined();
    expect(resolve(document, { type: "string" })).toEqual({ type: "string" });
  });

  it("does not read inherited properties as parts of the document", () => {
    expect(lookUp(document, "#/components/constructor")).toBeUndefined();
  });

  it("names what a reference points at by its last segment", () => {
    expect(referenceName("#/components/schemas/User")).toBe("User");
  });
});
