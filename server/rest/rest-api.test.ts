import { and, count, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditEvents, invitations, memberships } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import type { Permission } from "../permissions";
import { createApiClient } from "../testing/api-client";
import { issueTestApiKey } from "../testing/api-keys";
import { demoTeamId, membershipOf } from "../testing/demo";
import { hostileValue } from "../testing/hostile-values";
import { handleRestRequest } from "./handle-rest-request";
import { REST_OPERATIONS } from "./operations";

const database = setUpTestDatabase();
const clock = fixedClock("2026-12-03T09:00:00Z");
let teamId: string;

/** Answers through the route handler, as the server would, without a server. */
const viaHandler: typeof fetch = async (input, init) =>
  handleRestRequest(new Request(input, init), { db: database.handle.db, clock });

async function client(scopes: Permission[], creatorEmail = "manager@acme.example", team = teamId) {
  const key = await issueTestApiKey(database.handle.db, { teamId: team, creatorEmail, scopes, now: clock.now() });
  return { key, api: createApiClient({ baseUrl: "http://localhost/api/v1", apiKey: key.secret, fetch: viaHandler }) };
}

beforeAll(async () => {
  teamId = await demoTeamId(database.handle.db, "Acme Corp");
});

describe("the REST Admin API", () => {
  it("lists the team's users with the page's filters, and audits the read with the key as the actor", async () => {
    const { api, key } = await client(["members.read"]);
    const { data, response } = await api.GET("/users", { params: { query: { role: "manager", limit: 10 } } });
    expect(response.status).toBe(200);
    expect(response.headers.get("ratelimit-limit")).toBe("600");
    expect(data!.data.map((u) => u.email)).toContain("manager@acme.example");
    expect(data!.data.every((u) => u.role === "manager")).toBe(true);
    const [read] = await database.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.action, "api_key.read")));
    expect(read).toMatchObject({
      actorType: "api_token",
      actorLabel: `api_key:${key.prefix}`,
      targetId: "members.list",
      after: { call: "GET /api/v1/users" },
    });
  });

  it("refuses a key without the scope, a key of another team's resource, and a key whose creator is no longer a manager", async () => {
    const { api } = await client(["members.read"]);
    const invite = await api.POST("/invitations", {
      body: { emails: ["scope@partner.example"], role: "member", licensed: false, groupIds: [] },
    });
    expect(invite.response.status).toBe(403);
    expect(invite.response.headers.get("content-type")).toBe("application/problem+json");
    expect(invite.error).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
      detail: expect.stringContaining("members.invite"),
    });
    expect(invite.error!.requestId).toBe(invite.response.headers.get("x-request-id"));

    const initech = await demoTeamId(database.handle.db, "Initech");
    const stranger = await membershipOf(database.handle.db, initech, "owner@initech.example");
    const other = await api.GET("/users/{membershipId}", { params: { path: { membershipId: stranger!.id } } });
    expect(other.response.status).toBe(404);

    const { api: itsKey } = await client(["members.read"], "it@acme.example");
    const it = await membershipOf(database.handle.db, teamId, "it@acme.example");
    await database.handle.db.update(memberships).set({ role: "member" }).where(eq(memberships.id, it!.id));
    const disarmed = await itsKey.GET("/users");
    expect(disarmed.response.status).toBe(401);
    expect(disarmed.error!.detail).toMatch(/no longer a manager/);
    await database.handle.db.update(memberships).set({ role: "manager" }).where(eq(memberships.id, it!.id));
    expect((await itsKey.GET("/users")).response.status).toBe(200);
  });

  it("answers 401 at once for a revoked, expired or unknown key, and for none", async () => {
    const { api, key } = await client(["members.read"]);
    expect((await api.GET("/groups")).response.status).toBe(403);
    await database.handle.db.update(apiTokens).set({ revokedAt: clock.now() }).where(eq(apiTokens.id, key.id));
    const revoked = await api.GET("/users");
    expect(revoked.response.status).toBe(401);
    expect(revoked.response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(revoked.error!.detail).toContain("revoked");

    const expired = await issueTestApiKey(database.handle.db, {
      teamId,
      creatorEmail: "manager@acme.example",
      scopes: ["members.read"],
      now: new Date("2026-01-01T00:00:00Z"),
      expiresAt: new Date("2026-12-01T00:00:00Z"),
    });
    const late = createApiClient({ baseUrl: "http://localhost/api/v1", apiKey: expired.secret, fetch: viaHandler });
    expect((await late.GET("/users")).error!.detail).toContain("expired");
    const unknown = createApiClient({ baseUrl: "http://localhost/api/v1", apiKey: "cc_nope", fetch: viaHandler });
    expect((await unknown.GET("/users")).response.status).toBe(401);
    const none = await viaHandler("http://localhost/api/v1/users");
    expect(none.status).toBe(401);
  });

  it("invites 500 addresses at once and reports each of the bad ones, writing only the good ones", async () => {
    const { api } = await client(["members.invite"]);
    const emails = Array.from({ length: 497 }, (_, i) => `bulk${i}@partner.example`);
    emails.splice(10, 0, "not-an-address");
    emails.splice(200, 0, "bulk5@partner.example");
    emails.splice(300, 0, "manager@acme.example");
    const { data, response } = await api.POST("/invitations", {
      body: { emails, role: "member", licensed: false, groupIds: [] },
    });
    expect(response.status).toBe(200);
    const refused = data!.results.filter((r) => r.status === "refused");
    expect(refused.map((r) => r.email)).toEqual(["not-an-address", "bulk5@partner.example", "manager@acme.example"]);
    expect(refused.map((r) => (r.status === "refused" ? r.code : null))).toEqual([
      "INVALID_INPUT",
      "INVALID_INPUT",
      "CONFLICT",
    ]);
    const [written] = await database.handle.db
      .select({ value: count() })
      .from(invitations)
      .where(and(eq(invitations.teamId, teamId), sql`${invitations.email} like 'bulk%@partner.example'`));
    expect(written!.value).toBe(497);
  });

  it("replays the first answer to a retry with the same Idempotency-Key and refuses the key with other parameters", async () => {
    const { api } = await client(["groups.manage", "groups.read"]);
    const headers = { "Idempotency-Key": "create-group-7f3a" };
    const first = await api.POST("/groups", { body: { name: "Integrations" }, headers });
    expect(first.response.status).toBe(201);
    const again = await api.POST("/groups", { body: { name: "Integrations" }, headers });
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.data).toEqual(first.data);
    const groups = await api.GET("/groups");
    expect(groups.data!.data.filter((g) => g.name === "Integrations")).toHaveLength(1);

    const other = await api.POST("/groups", { body: { name: "Something else" }, headers });
    expect(other.response.status).toBe(422);
    expect(other.error!.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("gives each key 600 calls a minute and answers the 601st with 429 and Retry-After", async () => {
    const { api } = await client(["subscription.read"]);
    for (let batch = 0; batch < 30; batch++) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => api.GET("/subscription")));
      expect(answers.every((a) => a.response.status === 200)).toBe(true);
    }
    const over = await api.GET("/subscription");
    expect(over.response.status).toBe(429);
    expect(over.response.headers.get("retry-after")).toBe("60");
    expect(over.response.headers.get("ratelimit-remaining")).toBe("0");
    expect(over.error!.code).toBe("RATE_LIMITED");
  }, 180_000);

  it("says what to fix for unknown fields, wrong types, bad JSON, oversized bodies and unknown paths", async () => {
    const { api, key } = await client(["members.read", "groups.manage"]);
    const unknownQuery = await api.GET("/users", { params: { query: { rol: "manager" } as never } });
    expect(unknownQuery.response.status).toBe(400);
    expect(unknownQuery.error!.detail).toMatch(/Unknown field: rol\. Allowed: .*role/);

    const wrongType = await api.GET("/users", { params: { query: { licensed: "yes" as never } } });
    expect(wrongType.error!.detail).toBe("licensed must be true or false.");

    const badValue = await api.POST("/groups", { body: { name: 42 as never } });
    expect(badValue.response.status).toBe(400);
    expect(badValue.error!.errors?.[0]?.field).toBe("name");

    const call = (path: string, init: RequestInit) =>
      viaHandler(`http://localhost/api/v1${path}`, {
        ...init,
        headers: { authorization: `Bearer ${key.secret}`, "content-type": "application/json", ...init.headers },
      });
    const badJson = await call("/groups", { method: "POST", body: "{name:" });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).detail).toMatch(/not valid JSON/);
    const tooLarge = await call("/groups", { method: "POST", body: JSON.stringify({ name: "x".repeat(1_100_000) }) });
    expect(tooLarge.status).toBe(413);
    const notJson = await call("/groups", {
      method: "POST",
      body: "name=x",
      headers: { "content-type": "text/plain" },
    });
    expect(notJson.status).toBe(415);
    const nowhere = await call("/nowhere", { method: "GET" });
    expect(nowhere.status).toBe(404);
    const wrongMethod = await call("/users", { method: "PATCH", body: "{}" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });

  it("runs each change through the team's rules: a user is deactivated, reactivated and removed, with the key in the audit log", async () => {
    const { api, key } = await client(["members.read", "members.update"]);
    const target = await membershipOf(database.handle.db, teamId, "liam.chen@acme.example");
    const path = { membershipId: target!.id };
    expect((await api.POST("/users/{membershipId}/deactivate", { params: { path } })).response.status).toBe(204);
    expect((await api.GET("/users/{membershipId}", { params: { path } })).data!.status).toBe("deactivated");
    expect((await api.POST("/users/{membershipId}/reactivate", { params: { path } })).response.status).toBe(204);
    const owner = await membershipOf(database.handle.db, teamId, "owner@acme.example");
    const protectedOwner = await api.DELETE("/users/{membershipId}", { params: { path: { membershipId: owner!.id } } });
    expect(protectedOwner.response.status).toBe(403);
    const managed = await api.DELETE("/users/{membershipId}", { params: { path } });
    expect(managed.error!.detail).toMatch(/deactivate the account instead/);
    const partner = await membershipOf(database.handle.db, teamId, "tom.becker@partner.example");
    const removed = await api.DELETE("/users/{membershipId}", { params: { path: { membershipId: partner!.id } } });
    expect(removed.error).toBeUndefined();
    expect(removed.response.status).toBe(204);
    expect(await membershipOf(database.handle.db, teamId, "tom.becker@partner.example")).toBeUndefined();
    const actions = await database.handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.actorId, key.id)));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["membership.deactivated", "membership.reactivated", "membership.removed"]),
    );
  });

  it("answers hostile values in any query field or body of any call with a problem, never an internal error", async () => {
    const { key } = await client([
      "members.read",
      "groups.read",
      "groups.manage",
      "audit.read",
      "hosts.read",
      "members.invite",
    ]);
    const uuid = "00000000-0000-4000-8000-000000000000";
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: REST_OPERATIONS.length - 1 }),
        fc.string({ maxLength: 12 }),
        hostileValue,
        async (index, field, value) => {
          const operation = REST_OPERATIONS[index]!;
          const path = operation.path.replace(/\{\w+\}/g, uuid);
          const body = operation.method === "POST" || operation.method === "PATCH";
          const text = (() => {
            try {
              return JSON.stringify(value) ?? "null";
            } catch {
              return "null";
            }
          })();
          const query = body
            ? ""
            : `?${new URLSearchParams({ [field || "search"]: typeof value === "string" ? value : text })}`;
          const response = await viaHandler(`http://localhost/api/v1${path}${query}`, {
            method: operation.method,
            headers: { authorization: `Bearer ${key.secret}`, "content-type": "application/json" },
            ...(body ? { body: `{${JSON.stringify(field || "name")}:${text}}` } : {}),
          });
          expect(response.status, `${operation.method} ${path}${query}: ${await response.clone().text()}`).toBeLessThan(
            500,
          );
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
    const deep = await viaHandler("http://localhost/api/v1/groups", {
      method: "POST",
      headers: { authorization: `Bearer ${key.secret}`, "content-type": "application/json" },
      body: `{"name":${"[".repeat(200_000)}${"]".repeat(200_000)}}`,
    });
    expect(deep.status).toBe(400);
  }, 180_000);
});
