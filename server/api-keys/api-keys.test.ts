import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { apiTokens, auditEvents, memberships } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DAY_MS } from "@/lib/time";
import { fixedClock } from "../clock";
import { hashBearerSecret } from "../crypto/bearer-secret";
import { createCaller } from "../routers/root";
import { accountActor, callerForEmail, contextFor } from "../testing/callers";
import { demoTeamId, membershipOf } from "../testing/demo";
import { refusal } from "../testing/refusal";
import { MAX_LIVE_API_KEYS } from "./api-key-rules";

const database = setUpTestDatabase();
const db = (): Database => database.handle.db;
const clock = fixedClock("2026-03-02T09:00:00Z");
let acmeId: string;
let connectId: string;

const as = async (email: string) => createCaller(contextFor(db(), await accountActor(db(), email), { clock }));

beforeAll(async () => {
  acmeId = await demoTeamId(db(), "Acme Corp");
  connectId = await demoTeamId(db(), "Acme Connect");
});

const keyRow = async (id: string) => (await db().select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!;

const auditOf = async (targetId: string) =>
  db()
    .select({ action: auditEvents.action, after: auditEvents.after, actorLabel: auditEvents.actorLabel })
    .from(auditEvents)
    .where(and(eq(auditEvents.teamId, acmeId), eq(auditEvents.targetId, targetId)))
    .orderBy(auditEvents.seq);

describe("creating an API key", () => {
  it("gives the secret once, keeps only its hash and prefix, and audits it without the secret", async () => {
    const manager = await as("manager@acme.example");
    const key = await manager.apiKeys.create({
      teamId: acmeId,
      name: "  Payroll sync  ",
      scopes: ["members.read", "groups.read"],
    });
    expect(key.name).toBe("Payroll sync");
    expect(key.secret).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
    expect(key.prefix).toBe(key.secret.slice(0, 11));
    expect(key.scopes).toEqual(["members.read", "groups.read"]);
    // Without a chosen lifetime, a key lives 90 days.
    expect(key.expiresAt.toISOString()).toBe(new Date(clock.now().getTime() + 90 * DAY_MS).toISOString());

    const row = await keyRow(key.id);
    expect(row.tokenHash).toBe(hashBearerSecret(key.secret));
    expect(JSON.stringify(row)).not.toContain(key.secret);

    const events = await auditOf(key.id);
    expect(events).toEqual([
      {
        action: "api_key.created",
        actorLabel: "manager@acme.example",
        after: {
          name: "Payroll sync",
          prefix: key.prefix,
          scopes: ["members.read", "groups.read"],
          expiresAt: key.expiresAt.toISOString(),
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(key.secret);

    const listed = (await manager.apiKeys.list({ teamId: acmeId })).find((k) => k.id === key.id)!;
    expect(listed).toMatchObject({
      name: "Payroll sync",
      prefix: key.prefix,
      createdBy: { email: "manager@acme.example" },
      scopes: ["members.read", "groups.read"],
      lastUsedAt: null,
      lastUsedIp: null,
      revokedAt: null,
      state: "active",
    });
    expect(JSON.stringify(listed)).not.toContain(key.secret);
    expect(listed).not.toHaveProperty("tokenHash");
  });

  it("lives 30 to 365 days, and has a name of 1 to 100 characters", async () => {
    const manager = await as("manager@acme.example");
    const year = await manager.apiKeys.create({
      teamId: acmeId,
      name: "Yearly",
      expiresInDays: 365,
      scopes: ["team.read"],
    });
    expect(year.expiresAt.getTime() - clock.now().getTime()).toBe(365 * DAY_MS);
    await expect(
      manager.apiKeys.create({ teamId: acmeId, name: "Forever", expiresInDays: 366, scopes: ["team.read"] }),
    ).rejects.toThrow("An API key lives at most 365 days.");
    await expect(
      manager.apiKeys.create({ teamId: acmeId, name: "Brief", expiresInDays: 7, scopes: ["team.read"] }),
    ).rejects.toThrow("An API key lives at least 30 days.");
    await expect(manager.apiKeys.create({ teamId: acmeId, name: "   ", scopes: ["team.read"] })).rejects.toThrow(
      "Enter a name for the API key.",
    );
    await expect(
      manager.apiKeys.create({ teamId: acmeId, name: "x".repeat(101), scopes: ["team.read"] }),
    ).rejects.toThrow("Use at most 100 characters for the API key's name.");
  });

  it("carries only scopes its creator holds, never apiKeys.* or scim.*, and at least one", async () => {
    const manager = await as("manager@acme.example");
    const owner = await as("owner@acme.example");
    const create = (api: typeof manager, scopes: string[], teamId = acmeId) =>
      refusal(api.apiKeys.create({ teamId, name: "Too much", scopes }));

    const ownerOnly = await create(manager, ["members.read", "subscription.change"]);
    expect(ownerOnly.code).toBe("FORBIDDEN");
    expect(ownerOnly.message).toContain("You cannot give an API key the scope subscription.change");
    expect((await create(manager, ["apiKeys.manage"])).message).toContain("the scope apiKeys.manage");
    expect((await create(owner, ["scim.read"])).message).toContain("the scope scim.read");
    expect((await create(manager, ["members.everything"])).message).toBe(
      '"members.everything" is not a scope an API key can have.',
    );
    expect((await create(manager, ["toString"])).message).toBe('"toString" is not a scope an API key can have.');
    expect((await create(manager, [])).message).toBe("Choose at least one scope: a key with none could do nothing.");
    // Groups and hosts exist only in FileMaker Cloud teams.
    const ines = await as("it@acme.example");
    expect((await create(ines, ["groups.read"], connectId)).message).toContain("the scope groups.read");

    const owned = await owner.apiKeys.create({ teamId: acmeId, name: "Billing", scopes: ["subscription.change"] });
    expect(owned.scopes).toEqual(["subscription.change"]);
  });

  it("offers exactly the scopes the caller may grant, with what each allows", async () => {
    const manager = await as("manager@acme.example");
    const scopes = await manager.apiKeys.scopes({ teamId: acmeId });
    expect(scopes).toContainEqual({ scope: "members.read", label: "see the team's users" });
    const ids = scopes.map((s) => s.scope);
    expect(ids).not.toContain("subscription.change");
    expect(ids.filter((s) => s.startsWith("apiKeys.") || s.startsWith("scim."))).toEqual([]);
    const member = await callerForEmail(db(), "member@acme.example");
    await expect(member.apiKeys.scopes({ teamId: acmeId })).rejects.toThrow(/see the team's API keys/);
    await expect(member.apiKeys.create({ teamId: acmeId, name: "Mine", scopes: ["team.read"] })).rejects.toThrow(
      /create and revoke API keys/,
    );
  });
});

describe("revoking an API key", () => {
  it("stops it once; a second revocation is refused and not recorded", async () => {
    const manager = await as("manager@acme.example");
    const key = await manager.apiKeys.create({ teamId: acmeId, name: "To revoke", scopes: ["team.read"] });
    const { revokedAt } = await manager.apiKeys.revoke({ teamId: acmeId, apiKeyId: key.id });
    expect(revokedAt.toISOString()).toBe(clock.now().toISOString());
    expect((await manager.apiKeys.list({ teamId: acmeId })).find((k) => k.id === key.id)).toMatchObject({
      state: "revoked",
      revokedAt,
    });
    const again = await refusal(manager.apiKeys.revoke({ teamId: acmeId, apiKeyId: key.id }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe(`The API key ${key.prefix}… was already revoked on Mar 2, 2026.`);
    expect((await auditOf(key.id)).map((e) => e.action)).toEqual(["api_key.created", "api_key.revoked"]);
  });

  it("of one team is neither seen nor revoked through another", async () => {
    const manager = await as("manager@acme.example");
    const key = await manager.apiKeys.create({ teamId: acmeId, name: "Private", scopes: ["team.read"] });
    const initech = await as("manager@initech.example");
    const initechId = await demoTeamId(db(), "Initech");
    expect((await initech.apiKeys.list({ teamId: initechId })).map((k) => k.id)).not.toContain(key.id);
    await expect(initech.apiKeys.revoke({ teamId: initechId, apiKeyId: key.id })).rejects.toThrow(
      "This API key is not one of this team's keys; reload the page.",
    );
    expect((await keyRow(key.id)).revokedAt).toBeNull();
  });
});

describe("a key's state", () => {
  it("is expired once its time is up", async () => {
    const manager = await as("manager@acme.example");
    const key = await manager.apiKeys.create({
      teamId: acmeId,
      name: "Short",
      expiresInDays: 30,
      scopes: ["team.read"],
    });
    const later = createCaller(
      contextFor(db(), await accountActor(db(), "manager@acme.example"), {
        clock: fixedClock(new Date(clock.now().getTime() + 30 * DAY_MS)),
      }),
    );
    expect((await later.apiKeys.list({ teamId: acmeId })).find((k) => k.id === key.id)!.state).toBe("expired");
  });

  it("is creatorNotManager while its creator is no longer a manager, and active again after", async () => {
    const ines = await as("it@acme.example");
    const key = await ines.apiKeys.create({ teamId: acmeId, name: "Ines's key", scopes: ["members.read"] });
    const owner = await as("owner@acme.example");
    const stateOf = async () => (await owner.apiKeys.list({ teamId: acmeId })).find((k) => k.id === key.id)!.state;
    const inesMembership = (await membershipOf(db(), acmeId, "it@acme.example"))!;

    await owner.members.changeRole({ teamId: acmeId, membershipId: inesMembership.id, role: "member" });
    expect(await stateOf()).toBe("creatorNotManager");
    await owner.members.changeRole({ teamId: acmeId, membershipId: inesMembership.id, role: "manager" });
    expect(await stateOf()).toBe("active");

    await db().update(memberships).set({ status: "deactivated" }).where(eq(memberships.id, inesMembership.id));
    expect(await stateOf()).toBe("creatorNotManager");
    await db().update(memberships).set({ status: "active" }).where(eq(memberships.id, inesMembership.id));

    // A creator whose account is gone leaves the key without one.
    await db().update(apiTokens).set({ createdByAccountId: null }).where(eq(apiTokens.id, key.id));
    const listed = (await owner.apiKeys.list({ teamId: acmeId })).find((k) => k.id === key.id)!;
    expect(listed).toMatchObject({ state: "creatorNotManager", createdBy: null });
  });
});

describe("the limit of live keys", () => {
  it(
    raceTest(`allows ${MAX_LIVE_API_KEYS} unrevoked, unexpired keys per team, even when created at once`),
    async () => {
      const initechId = await demoTeamId(db(), "Initech");
      const manager = await as("manager@initech.example");
      const create = (name: string) => manager.apiKeys.create({ teamId: initechId, name, scopes: ["team.read"] });
      const revoked = await create("Revoked one");
      await manager.apiKeys.revoke({ teamId: initechId, apiKeyId: revoked.id });
      // An expired key does not count either.
      await db()
        .insert(apiTokens)
        .values({
          teamId: initechId,
          name: "Expired one",
          prefix: "cc_expired",
          tokenHash: "expired-key-hash",
          createdAt: new Date(clock.now().getTime() - 100 * DAY_MS),
          expiresAt: new Date(clock.now().getTime() - DAY_MS),
        });
      for (let i = 0; i < MAX_LIVE_API_KEYS - 3; i++) await create(`Key ${i}`);

      const outcomes = await Promise.allSettled([
        create("Last A"),
        create("Last B"),
        create("Last C"),
        create("Last D"),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
      const [lost] = outcomes.filter((o) => o.status === "rejected");
      expect(String(lost?.reason)).toContain(
        `This team already has ${MAX_LIVE_API_KEYS} active API keys, the most it may have. Revoke a key that is no longer used`,
      );
      const live = await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(apiTokens)
        .where(
          and(
            eq(apiTokens.teamId, initechId),
            sql`${apiTokens.revokedAt} is null and ${apiTokens.expiresAt} > ${clock.now().toISOString()}::timestamptz`,
          ),
        );
      expect(live[0]!.n).toBe(MAX_LIVE_API_KEYS);

      const first = (await manager.apiKeys.list({ teamId: initechId })).find((k) => k.name === "Key 0")!;
      await manager.apiKeys.revoke({ teamId: initechId, apiKeyId: first.id });
      await create("After a revocation");
    },
  );
});
