import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { routerProcedures } from "../testing/procedures";
import { GENERATED_TYPES_PATH, generatedApiTypes } from "./client/generate-types";
import { buildOpenApiDocument } from "./openapi-document";
import { REST_OPERATIONS } from "./operations";

type Json = Record<string, unknown>;
const document = buildOpenApiDocument() as Json & { paths: Record<string, Record<string, Json>> };
const procedures = new Map(routerProcedures().map((p) => [p.path, p]));

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => (key === "$ref" ? [inner as string] : refsIn(inner)));
  }
  return [];
}

describe("the OpenAPI document", () => {
  it("is what the typed client was generated from: regenerate with npm run api:types when a procedure changes", async () => {
    expect(await generatedApiTypes()).toBe(await readFile(GENERATED_TYPES_PATH, "utf8"));
  });

  it("describes each call as the procedure it runs: same kind, same permission, path parameters it takes", () => {
    for (const operation of REST_OPERATIONS) {
      const procedure = procedures.get(operation.procedure);
      expect(procedure, `${operation.operationId} runs ${operation.procedure}`).toBeDefined();
      expect(procedure!.type).toBe(operation.method === "GET" ? "query" : "mutation");
      expect(procedure!.rule.gate).toBe("team");
      const described = document.paths[operation.path]![operation.method.toLowerCase()]!;
      expect(described["x-permission"]).toBe(procedure!.rule.gate === "team" ? procedure!.rule.permission : null);
      for (const [, name] of operation.path.matchAll(/\{(\w+)\}/g)) {
        expect(Object.keys(procedure!.input?.properties ?? {}), `${operation.procedure} takes ${name}`).toContain(name);
      }
    }
  });

  it("offers what automation needs: users, invitations, groups, hosts, the subscription and the audit log", () => {
    const ids = REST_OPERATIONS.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        "listUsers",
        "getUser",
        "inviteUsers",
        "changeUserRole",
        "setUserLicence",
        "deactivateUser",
        "reactivateUser",
        "removeUser",
        "listInvitations",
        "resendInvitation",
        "revokeInvitation",
        "listGroups",
        "createGroup",
        "renameGroup",
        "deleteGroup",
        "addGroupMembers",
        "removeGroupMembers",
        "listHosts",
        "getHostStatus",
        "listHostOperations",
        "restartHost",
        "getSubscription",
        "listAuditEvents",
        "exportAuditEvents",
      ]),
    );
  });

  it("is OpenAPI 3.1 whose every reference resolves", () => {
    expect(document.openapi).toBe("3.1.0");
    for (const ref of refsIn(document)) {
      const target = ref
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
      expect(target, ref).toBeDefined();
    }
  });
});
