import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  groupMemberships,
  groups,
  invitations,
  memberships,
  rateLimits,
  sessions,
  teamDomains,
} from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { noRequest, systemActor } from "../actor";
import { createSession } from "../auth/sessions";
import { fixedClock } from "../clock";
import { REQUEST_ID_HEADER } from "../http/client-address";
import { seatsInUse } from "../members/seats";
import { demoTeamId, membershipOf } from "../testing/demo";
import * as entra from "./fixtures/entra";
import * as okta from "./fixtures/okta";
import { SCIM_BUDGET } from "./scim-auth";
import { handleScimRequest, MAX_SCIM_BODY_BYTES } from "./scim-request";
import { generateScimToken } from "./scim-token";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock(new Date());
let acme: string;
let connect: string;
let initech: string;
let acmeToken: { secret: string; prefix: string };
let connectToken: { secret: string; prefix: string };

beforeAll(async () => {
  acme = await demoTeamId(db(), "Acme Corp");
  connect = await demoTeamId(db(), "Acme Connect");
  initech = await demoTeamId(db(), "Initech");
  const ctx = { actor: systemActor("SCIM test"), clock, request: noRequest };
  acmeToken = await generateScimToken(db(), ctx, { teamId: acme });
  connectToken = await generateScimToken(db(), ctx, { teamId: connect });
  const now = clock.now();
  await db()
    .insert(teamDomains)
    .values(
      ["okta.local", "testuser.com"].map((domain) => ({
        teamId: acme,
        domain,
        verificationToken: `token-${domain}`,
        verifiedAt: now,
        createdAt: now,
      })),
    );
});

async function scim(
  method: string,
  path: string,
  body?: unknown,
  options: { token?: string | null; headers?: Record<string, string>; rawBody?: string } = {},
) {
  const token = options.token === undefined ? acmeToken.secret : options.token;
  const request = new Request(`http://console.test/scim/v2${path}`, {
    method,
    headers: {
      "content-type": "application/scim+json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body: options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const response = await handleScimRequest(db(), clock, request);
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}

/** The team's audit events written after `since`, oldest first. */
async function eventsSince(teamId: string, since: number) {
  const rows = await db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.teamId, teamId), sql`${auditEvents.seq} > ${since}`))
    .orderBy(auditEvents.seq);
  return rows;
}

async function lastSeq(teamId: string): Promise<number> {
  const [row] = await db()
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .where(eq(auditEvents.teamId, teamId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return row?.seq ?? 0;
}

async function membership(id: string) {
  const [row] = await db().select().from(memberships).where(eq(memberships.id, id));
  return row;
}

async function groupMemberIds(groupId: string) {
  return (
    await db()
      .select({ id: groupMemberships.membershipId })
      .from(groupMemberships)
      .where(eq(groupMemberships.groupId, groupId))
  ).map((row) => row.id);
}

function expectScimActor(events: Array<{ actorType: string; actorLabel: string }>) {
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) {
    expect(event.actorType).toBe("scim_token");
    expect(event.actorLabel).toBe(`scim:${acmeToken.prefix}`);
  }
}

describe("Okta's documented sequence", () => {
  let userId = "";
  let groupId = "";

  it("finds no user before creating one, then creates a managed active member on the verified domain", async () => {
    const before = await scim("GET", `/Users?${okta.oktaFilterQuery}`);
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 0,
      Resources: [],
    });
    const seq = await lastSeq(acme);
    const seats = await seatsInUse(db(), acme, clock.now());
    const created = await scim("POST", "/Users", okta.oktaCreateUser);
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("application/scim+json");
    userId = created.json.id;
    expect(created.headers.get("location")).toMatch(new RegExp(`/scim/v2/Users/${userId}$`));
    expect(created.json).toMatchObject({
      userName: okta.OKTA_USER_NAME,
      name: { givenName: "Test", familyName: "User" },
      externalId: "00ujl29u0le5T6Aj10h7",
      active: true,
      emails: [{ value: okta.OKTA_USER_NAME, type: "work", primary: true }],
    });
    expect(await membership(userId)).toMatchObject({ teamId: acme, role: "member", status: "active", licensed: true });
    expect(await seatsInUse(db(), acme, clock.now())).toBe(seats + 1);
    const events = await eventsSince(acme, seq);
    expect(events.map((e) => e.action)).toEqual(["account.created", "membership.added"]);
    expectScimActor(events);
  });

  it("reads the user by id and by userName", async () => {
    const got = await scim("GET", `/Users/${userId}`);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: userId, userName: okta.OKTA_USER_NAME, active: true });
    const found = await scim("GET", `/Users?${okta.oktaFilterQuery}`);
    expect(found.json).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect(found.json.Resources[0].id).toBe(userId);
  });

  it("deactivates: the membership is deactivated, the person's sessions end and the seat is freed", async () => {
    const { accountId } = (await membership(userId))!;
    const sessionId = await createSession(db(), {
      accountId,
      now: clock.now(),
      ip: null,
      userAgent: null,
      mfaVerified: false,
    });
    const seats = await seatsInUse(db(), acme, clock.now());
    const seq = await lastSeq(acme);
    const answer = await scim("PATCH", `/Users/${userId}`, okta.oktaDeactivateUser);
    expect(answer.status).toBe(200);
    expect(answer.json.active).toBe(false);
    expect((await membership(userId))!.status).toBe("deactivated");
    const [ended] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
    expect(ended!.endedAt).not.toBeNull();
    expect(await seatsInUse(db(), acme, clock.now())).toBe(seats - 1);
    const events = await eventsSince(acme, seq);
    expect(events.map((e) => e.action)).toEqual(["membership.deactivated"]);
    expectScimActor(events);
  });

  it("reactivates", async () => {
    const seq = await lastSeq(acme);
    const answer = await scim("PATCH", `/Users/${userId}`, okta.oktaReactivateUser);
    expect(answer.json.active).toBe(true);
    expect((await membership(userId))!.status).toBe("active");
    expect((await eventsSince(acme, seq)).map((e) => e.action)).toEqual(["membership.reactivated"]);
  });

  it("creates a group, adds the user, renames it, removes the user and deletes it", async () => {
    let seq = await lastSeq(acme);
    const created = await scim("POST", "/Groups", okta.oktaCreateGroup);
    expect(created.status).toBe(201);
    groupId = created.json.id;
    expect(created.json).toMatchObject({ displayName: "Test SCIMv2", members: [] });
    expect((await eventsSince(acme, seq)).map((e) => e.action)).toEqual(["group.created"]);

    seq = await lastSeq(acme);
    const added = await scim("PATCH", `/Groups/${groupId}`, okta.oktaAddGroupMember(userId));
    expect(added.status).toBe(200);
    expect(added.json.members).toEqual([expect.objectContaining({ value: userId, display: okta.OKTA_USER_NAME })]);
    expect(await groupMemberIds(groupId)).toEqual([userId]);
    expect((await eventsSince(acme, seq)).map((e) => e.action)).toEqual(["group.members_added"]);

    await scim("PATCH", `/Groups/${groupId}`, okta.oktaRenameGroup(groupId));
    const [renamed] = await db().select().from(groups).where(eq(groups.id, groupId));
    expect(renamed!.name).toBe("Test SCIMv2 renamed");

    seq = await lastSeq(acme);
    await scim("PATCH", `/Groups/${groupId}`, okta.oktaRemoveGroupMember(userId));
    expect(await groupMemberIds(groupId)).toEqual([]);
    const removedEvents = await eventsSince(acme, seq);
    expect(removedEvents.map((e) => e.action)).toEqual(["group.members_removed"]);
    expectScimActor(removedEvents);

    const deleted = await scim("DELETE", `/Groups/${groupId}`);
    expect(deleted.status).toBe(204);
    expect(await db().select().from(groups).where(eq(groups.id, groupId))).toEqual([]);
    expect((await scim("GET", `/Groups/${groupId}`)).status).toBe(404);
  });

  it("deletes the user: the team keeps the managed account, deactivated", async () => {
    const seq = await lastSeq(acme);
    expect((await scim("DELETE", `/Users/${userId}`)).status).toBe(204);
    expect((await membership(userId))!.status).toBe("deactivated");
    expect((await eventsSince(acme, seq)).map((e) => e.action)).toEqual(["membership.deactivated"]);
  });
});

describe("Microsoft Entra ID's documented sequence", () => {
  let userId = "";
  let groupId = "";

  it("creates a user whose userName is not an address from the work email, and ignores the enterprise extension", async () => {
    const created = await scim("POST", "/Users", entra.entraCreateUser);
    expect(created.status).toBe(201);
    userId = created.json.id;
    expect(created.json).toMatchObject({
      userName: entra.ENTRA_EMAIL,
      externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
      name: { formatted: "givenName familyName" },
      active: true,
    });
    expect((await membership(userId))!.status).toBe("active");
    const found = await scim("GET", `/Users?filter=${encodeURIComponent(`userName eq "${entra.ENTRA_EMAIL}"`)}`);
    expect(found.json.Resources.map((user: { id: string }) => user.id)).toEqual([userId]);
    const byEmail = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent(`emails[type eq "work"].value eq "${entra.ENTRA_EMAIL}"`)}`,
    );
    expect(byEmail.json.totalResults).toBe(1);
    expect((await scim("PATCH", `/Users/${userId}`, entra.entraEnterpriseAttributes)).status).toBe(200);
  });

  it("updates the family name of the managed account and keeps its address", async () => {
    const seq = await lastSeq(acme);
    const answer = await scim("PATCH", `/Users/${userId}`, entra.entraUpdateUser);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      userName: entra.ENTRA_EMAIL,
      name: { formatted: "givenName updatedFamilyName" },
    });
    expect((await eventsSince(acme, seq)).map((e) => e.action)).toEqual(["account.profile_updated"]);
  });

  it('disables with "False" and enables with "True"', async () => {
    expect((await scim("PATCH", `/Users/${userId}`, entra.entraDisableUser)).json.active).toBe(false);
    expect((await membership(userId))!.status).toBe("deactivated");
    expect((await scim("PATCH", `/Users/${userId}`, entra.entraEnableUser)).json.active).toBe(true);
    expect((await membership(userId))!.status).toBe("active");
  });

  it("creates a group, adds and removes the member, renames and deletes it", async () => {
    const created = await scim("POST", "/Groups", entra.entraCreateGroup);
    expect(created.status).toBe(201);
    groupId = created.json.id;
    expect(created.json.externalId).toBe("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159");
    const filtered = await scim(
      "GET",
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "displayName"')}`,
    );
    expect(filtered.json.Resources).toEqual([expect.objectContaining({ id: groupId })]);
    expect(filtered.json.Resources[0].members).toBeUndefined();

    await scim("PATCH", `/Groups/${groupId}`, entra.entraAddMember(userId));
    expect(await groupMemberIds(groupId)).toEqual([userId]);
    await scim("PATCH", `/Groups/${groupId}`, entra.entraRemoveMember(userId));
    expect(await groupMemberIds(groupId)).toEqual([]);
    const renamed = await scim("PATCH", `/Groups/${groupId}?excludedAttributes=members`, entra.entraRenameGroup);
    expect(renamed.json.displayName).toBe("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");
    expect((await scim("DELETE", `/Groups/${groupId}`)).status).toBe(204);
  });

  it("deletes the user", async () => {
    expect((await scim("DELETE", `/Users/${userId}`)).status).toBe(204);
    expect((await membership(userId))!.status).toBe("deactivated");
  });
});

describe("who becomes what", () => {
  it("invites an address that has no account and is not on a verified domain; DELETE revokes the invitation", async () => {
    const seq = await lastSeq(acme);
    const created = await scim("POST", "/Users", {
      userName: "newcomer@elsewhere.example",
      name: { givenName: "New", familyName: "Comer" },
    });
    expect(created.status).toBe(201);
    const [invitation] = await db().select().from(invitations).where(eq(invitations.id, created.json.id));
    expect(invitation).toMatchObject({ email: "newcomer@elsewhere.example", role: "member", licensed: true });
    expect((await eventsSince(acme, seq)).map((e) => e.action)).toEqual(["invitation.created"]);
    expect((await scim("GET", `/Users/${created.json.id}`)).json.userName).toBe("newcomer@elsewhere.example");
    expect((await scim("POST", "/Users", { userName: "Newcomer@elsewhere.example" })).json).toMatchObject({
      status: "409",
      scimType: "uniqueness",
    });
    expect((await scim("DELETE", `/Users/${created.json.id}`)).status).toBe(204);
    expect((await scim("GET", `/Users/${created.json.id}`)).status).toBe(404);
  });

  it("adds an existing account of another team as an external member; deactivating takes them out of the team", async () => {
    const created = await scim("POST", "/Users", { userName: "owner@initech.example" });
    expect(created.status).toBe(201);
    expect((await membership(created.json.id))!.status).toBe("active");
    const gone = await scim("PATCH", `/Users/${created.json.id}`, okta.oktaDeactivateUser);
    expect(gone.status).toBe(204);
    expect(await membership(created.json.id)).toBeUndefined();
  });

  it("refuses a userName already in the team", async () => {
    const answer = await scim("POST", "/Users", { userName: "member@acme.example" });
    expect(answer.status).toBe(409);
    expect(answer.json).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "409",
      scimType: "uniqueness",
      detail: expect.stringContaining("member@acme.example"),
    });
  });

  it("never deactivates or removes the owner", async () => {
    const owner = (await membershipOf(db(), acme, "owner@acme.example"))!;
    for (const answer of [
      await scim("PATCH", `/Users/${owner.id}`, okta.oktaDeactivateUser),
      await scim("DELETE", `/Users/${owner.id}`),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.json.detail).toMatch(/owner cannot be/);
    }
    expect((await membershipOf(db(), acme, "owner@acme.example"))!.status).toBe("active");
  });
});

describe("refusals", () => {
  it("refuses a missing or wrong token with 401", async () => {
    for (const token of [null, "ccscim_not-a-token"]) {
      const answer = await scim("GET", "/Users", undefined, { token });
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("does not know another team's users and groups", async () => {
    const initechMember = (await membershipOf(db(), initech, "owner@initech.example"))!;
    const [initechGroup] = await db().select().from(groups).where(eq(groups.teamId, initech)).limit(1);
    expect((await scim("GET", `/Users/${initechMember.id}`)).status).toBe(404);
    expect((await scim("PATCH", `/Users/${initechMember.id}`, okta.oktaDeactivateUser)).status).toBe(404);
    expect((await scim("GET", `/Groups/${initechGroup!.id}`)).status).toBe(404);
    expect((await scim("DELETE", `/Groups/${initechGroup!.id}`)).status).toBe(404);
    expect((await scim("GET", "/Users/not-an-id")).status).toBe(404);
  });

  it("refuses a malformed filter with invalidFilter", async () => {
    for (const filter of ['userName co "a"', "userName eq", 'title eq "x"', 'userName eq "a" or userName eq "b"']) {
      const answer = await scim("GET", `/Users?filter=${encodeURIComponent(filter)}`);
      expect(answer.status).toBe(400);
      expect(answer.json.scimType).toBe("invalidFilter");
    }
  });

  it("refuses a body over 1 MB with 413", async () => {
    const answer = await scim("POST", "/Users", undefined, {
      rawBody: JSON.stringify({ userName: "big@okta.local", padding: "x".repeat(MAX_SCIM_BODY_BYTES) }),
    });
    expect(answer.status).toBe(413);
    expect(answer.json.status).toBe("413");
  });

  it("refuses a path that is not valid percent-encoding with invalidSyntax", async () => {
    const answer = await scim("GET", "/Users/%E0%A4%A");
    expect(answer.status).toBe(400);
    expect(answer.json.scimType).toBe("invalidSyntax");
  });

  it("refuses wrong types with invalidValue and broken JSON with invalidSyntax", async () => {
    const someone = (await membershipOf(db(), acme, "liam.chen@acme.example"))!;
    const wrongType = await scim("PATCH", `/Users/${someone.id}`, {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", path: "active", value: "maybe" }],
    });
    expect(wrongType.json).toMatchObject({ status: "400", scimType: "invalidValue" });
    expect((await scim("POST", "/Users", undefined, { rawBody: "{" })).json.scimType).toBe("invalidSyntax");
    expect((await scim("PATCH", `/Users/${someone.id}`, { Operations: "none" })).json.scimType).toBe("invalidSyntax");
    expect((await membershipOf(db(), acme, "liam.chen@acme.example"))!.status).toBe("active");
  });

  it("tells a Claris Connect team that it has no groups", async () => {
    const answer = await scim("GET", "/Groups", undefined, { token: connectToken.secret });
    expect(answer.status).toBe(403);
    expect(answer.json.detail).toMatch(/Claris Connect teams have no groups/);
  });

  it("answers 429 with Retry-After when the token's budget is spent", async () => {
    const [token] = await db().select({ id: sql<string>`id` }).from(sql`scim_tokens`).where(sql`team_id = ${connect}`);
    await db()
      .insert(rateLimits)
      .values({ key: `${SCIM_BUDGET.name}:${token!.id}`, used: SCIM_BUDGET.limit, windowStartedAt: clock.now() })
      .onConflictDoUpdate({ target: rateLimits.key, set: { used: SCIM_BUDGET.limit, windowStartedAt: clock.now() } });
    const answer = await scim("GET", "/Users", undefined, { token: connectToken.secret });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("discovery and request ids", () => {
  it("describes what the server supports", async () => {
    const config = await scim("GET", "/ServiceProviderConfig");
    expect(config.json).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [expect.objectContaining({ type: "oauthbearertoken" })],
    });
    expect((await scim("GET", "/ResourceTypes")).json.Resources.map((r: { id: string }) => r.id)).toEqual([
      "User",
      "Group",
    ]);
    const schemas = await scim("GET", "/Schemas");
    expect(schemas.json.totalResults).toBe(2);
    expect((await scim("GET", "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User")).json.name).toBe("User");
  });

  it("pages with startIndex and count", async () => {
    const first = await scim("GET", "/Users?startIndex=1&count=2");
    const second = await scim("GET", "/Users?startIndex=3&count=2");
    expect(first.json.itemsPerPage).toBe(2);
    expect(first.json.totalResults).toBe(second.json.totalResults);
    expect(second.json.startIndex).toBe(3);
    expect(second.json.Resources[0].id).not.toBe(first.json.Resources[0].id);
    expect((await scim("GET", "/Users?count=5000")).json.itemsPerPage).toBeLessThanOrEqual(200);
  });

  it("takes application/json bodies as well as application/scim+json", async () => {
    const answer = await scim(
      "POST",
      "/Users",
      { userName: "plain.json@elsewhere.example" },
      { headers: { "content-type": "application/json" } },
    );
    expect(answer.status).toBe(201);
  });

  it("answers with the request id the proxy gave the request", async () => {
    const answer = await scim("GET", "/ServiceProviderConfig", undefined, {
      headers: { [REQUEST_ID_HEADER]: "scim-request-0001" },
    });
    expect(answer.headers.get("x-request-id")).toBe("scim-request-0001");
  });

  it("records when the token was last used", async () => {
    const [token] = await db()
      .select({ lastUsedAt: sql<Date | null>`last_used_at` })
      .from(sql`scim_tokens`)
      .where(sql`team_id = ${acme}`);
    expect(token!.lastUsedAt).not.toBeNull();
  });
});
