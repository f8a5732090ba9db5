import { describe, expect, it } from "vitest";
import { exampleValue } from "./example-value";
import type { OpenApiDocument } from "./openapi";

const document: OpenApiDocument = {
  openapi: "3.1.0",
  components: {
    schemas: {
      Role: { type: "string", enum: ["manager", "member"] },
      Node: {
        type: "object",
        required: ["name", "parent"],
        properties: { name: { type: "string" }, parent: { $ref: "#/components/schemas/Node" } },
      },
    },
  },
};

describe("an example value made from a schema", () => {
  it("prefers the schema's own examples, then its default, then its first enum value", () => {
    expect(exampleValue({ type: "string", examples: ["given"], default: "fallback" }, document)).toBe("given");
    expect(exampleValue({ type: "integer", default: 50 }, document)).toBe(50);
    expect(exampleValue({ $ref: "#/components/schemas/Role" }, document)).toBe("manager");
  });

  it("makes up values by type and format", () => {
    expect(exampleValue({ type: "string", format: "email" }, document)).toBe("ada@example.com");
    expect(exampleValue({ type: ["integer", "null"], minimum: 5 }, document)).toBe(5);
    expect(exampleValue({ type: "array", items: { type: "boolean" } }, document)).toEqual([true]);
    expect(exampleValue({ type: "null" }, document)).toBeNull();
  });

  it("fills an object's required properties and leaves read-only ones out", () => {
    expect(
      exampleValue(
        {
          type: "object",
          required: ["id", "email", "role"],
          properties: {
            id: { type: "string", readOnly: true },
            email: { type: "string", format: "email" },
            role: { $ref: "#/components/schemas/Role" },
            note: { type: "string" },
          },
        },
        document,
      ),
    ).toEqual({ email: "ada@example.com", role: "manager" });
  });

  it("takes the first alternative that is not null, and stops where a schema contains itself", () => {
    expect(exampleValue({ oneOf: [{ type: "null" }, { type: "string" }] }, document)).toBe("string");
    expect(exampleValue({ $ref: "#/components/schemas/Node" }, document)).toEqual({ name: "string" });
  });
});
