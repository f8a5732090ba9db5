import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "./openapi";
import { type SchemaNode, schemaTree } from "./schema-tree";
import { words } from "./test-words";

const document: OpenApiDocument = {
  openapi: "3.1.0",
  components: {
    schemas: {
      Role: { type: "string", enum: ["owner", "member"], description: "What the user may do." },
      User: {
        type: "object",
        required: ["id", "role"],
        properties: {
          id: { type: "string", format: "uuid", readOnly: true },
          role: { $ref: "#/components/schemas/Role" },
          name: { type: ["string", "null"], maxLength: 200 },
          manager: { oneOf: [{ $ref: "#/components/schemas/User" }, { type: "null" }] },
          reports: { type: "array", items: { $ref: "#/components/schemas/User" } },
        },
      },
      Named: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      Card: { type: "object", properties: { last4: { type: "string" } } },
      Transfer: { type: "object", properties: { iban: { type: "string" } } },
    },
  },
};

function property(node: SchemaNode, name: string): SchemaNode {
  const found = node.properties.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no property ${name}`);
  return found.schema;
}

describe("a schema laid out as a tree of properties", () => {
  const user = schemaTree({ $ref: "#/components/schemas/User" }, document, words);

  it("lists an object's properties with their types and whether they are required", () => {
    expect(user.type).toBe("User");
    expect(user.properties.map(({ name, required, schema }) => [name, required, schema.type])).toEqual([
      ["id", true, "string (uuid)"],
      ["role", true, "Role"],
      ["name", false, "string or null"],
      ["manager", false, "User or null"],
      ["reports", false, "array of User"],
    ]);
    expect(property(user, "id").readOnly).toBe(true);
  });

  it("resolves references, with their enum values and descriptions", () => {
    const role = property(user, "role");
    expect(role.enumValues).toEqual(["owner", "member"]);
    expect(role.description).toBe("What the user may do.");
  });

  it("shows the limits a schema sets", () => {
    expect(property(user, "name").constraints).toEqual([{ keyword: "maxLength", value: 200 }]);
  });

  it("does not expand a schema inside itself again", () => {
    expect(property(user, "manager").recursive).toBe("User");
    expect(property(user, "manager").properties).toEqual([]);
    expect(property(user, "reports").recursive).toBe("User");
  });

  it("shows an array by what its items hold", () => {
    const list = schemaTree({ type: "array", items: { $ref: "#/components/schemas/Named" } }, document, words);
    expect(list.type).toBe("array of Named");
    expect(list.properties.map(({ name }) => name)).toEqual(["name"]);
  });

  it("merges allOf parts into one object", () => {
    const merged = schemaTree(
      {
        allOf: [
          { $ref: "#/components/schemas/Named" },
          { type: "object", required: ["size"], properties: { size: { type: "integer", default: 10 } } },
        ],
      },
      document,
      words,
    );
    expect(merged.properties.map(({ name, required }) => [name, required])).toEqual([
      ["name", true],
      ["size", true],
    ]);
    expect(property(merged, "size").defaultValue).toBe("10");
  });

  it("keeps the alternatives of a oneOf apart", () => {
    const payment = schemaTree(
      { oneOf: [{ $ref: "#/components/schemas/Card" }, { $ref: "#/components/schemas/Transfer" }] },
      document,
      words,
    );
    expect(payment.type).toBe("one of Card, Transfer");
    expect(payment.variants.map(({ label, schema }) => [label, schema.properties.map(({ name }) => name)])).toEqual([
      ["Card", ["last4"]],
      ["Transfer", ["iban"]],
    ]);
  });

  it("shows a nullable object's properties without a choice to make", () => {
    const maybe = schemaTree({ oneOf: [{ $ref: "#/components/schemas/Named" }, { type: "null" }] }, document, words);
    expect(maybe.variants).toEqual([]);
    expect(maybe.properties.map(({ name }) => name)).toEqual(["name"]);
  });
});
