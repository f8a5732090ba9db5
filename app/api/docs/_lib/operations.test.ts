import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "./openapi";
import { operationsByTag, slug } from "./operations";

const document: OpenApiDocument = {
  openapi: "3.1.0",
  tags: [{ name: "Users", description: "People." }, { name: "Audit events" }, { name: "Unused" }],
  paths: {
    "/users/{id}": {
      parameters: [
        { name: "id", in: "path", required: true, description: "from the path" },
        { $ref: "#/components/parameters/Verbose" },
      ],
      get: {
        operationId: "getUser",
        tags: ["Users"],
        parameters: [{ name: "id", in: "path", required: true, description: "from the operation" }],
      },
      delete: { tags: ["Users", "Audit events"] },
    },
    "/events": { get: { operationId: "listEvents", tags: ["Audit events"] } },
    "/hosts": { get: { operationId: "listHosts", tags: ["Hosts"] } },
    "/ping": { head: { operationId: "ping" } },
  },
  components: { parameters: { Verbose: { name: "verbose", in: "query" } } },
};

describe("operations grouped by tag", () => {
  const sections = operationsByTag(document, "Other");

  it("follows the document's tags, then undeclared ones, then the untagged", () => {
    expect(
      sections.map(({ id, tag, operations }) => [id, tag.name, operations.map((operation) => operation.id)]),
    ).toEqual([
      ["tag-users", "Users", ["getUser", "delete-users-id"]],
      ["tag-audit-events", "Audit events", ["listEvents"]],
      ["tag-unused", "Unused", []],
      ["tag-hosts", "Hosts", ["listHosts"]],
      ["tag-untagged", "Other", ["ping"]],
    ]);
  });

  it("gives each operation the path's parameters, its own winning, references resolved", () => {
    const getUser = sections[0]!.operations[0]!;
    expect(getUser.parameters.map(({ name, description }) => [name, description])).toEqual([
      ["id", "from the operation"],
      ["verbose", undefined],
    ]);
  });

  it("makes anchors of letters, digits and dashes", () => {
    expect(slug("Audit events / v2")).toBe("audit-events-v2");
  });
});
