import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, auditPersonalFields, teams } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { noRequest, systemActor } from "../actor";
import { erasePersonalAuditFields } from "./erase-personal-fields";
import { recordAudit } from "./record-audit";
import { verifyAuditChain } from "./verify-chain";

const database = setUpTestDatabase();

async function newTeam(name: string) {
  const [team] = await database.handle.db.insert(teams).values({ name, product: "filemaker_cloud" }).returning();
  return team!.id;
}

function event(teamId: string, action: string, after: unknown = { n: 1 }) {
  return { teamId, actor: systemActor("test"), occurredAt: new Date(), request: noRequest, action, after };
}

describe("the audit chain", () => {
  it("links each event to the one before it", async () => {
    const teamId = await newTeam("Chain");
    const { db } = database.handle;
    for (const action of ["a.one", "a.two", "a.three"]) {
      await db.transaction((tx) => recordAudit(tx, event(teamId, action)));
    }
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.teamId, teamId)).orderBy(auditEvents.seq);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(await verifyAuditChain(db, teamId)).toEqual({ valid: true, events: 3 });
  });

  it(raceTest("stays one chain when many transactions append at the same time"), async () => {
    const teamId = await newTeam("Concurrent");
    const { db } = database.handle;
    // Each writer holds its transaction open a little after appending, so they overlap.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await recordAudit(tx, event(teamId, `concurrent.${i}`, { i }));
          await tx.execute(sql`select pg_sleep(0.01)`);
        }),
      ),
    );
    expect(await verifyAuditChain(db, teamId)).toEqual({ valid: true, events: 20 });
  });

  it("leaves no event behind when the change it records is rolled back", async () => {
    const teamId = await newTeam("Rollback");
    const { db } = database.handle;
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, event(teamId, "doomed"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await verifyAuditChain(db, teamId)).toEqual({ valid: true, events: 0 });
  });

  // Each edit of the middle event (seq 2 of 3) and the verdict it must get: where the chain breaks, and why.
  const CHANGED = { seq: 2, problem: "content does not match its hash" };
  const tamperings: Array<[string, string, { seq: number; problem: string }]> = [
    ["id", "id = gen_random_uuid()", CHANGED],
    // The event leaves this chain: event 3 is found where event 2 should be.
    ["team_id", "team_id = team_id", { seq: 3, problem: "expected event 2, found 3" }],
    ["seq", "seq = seq + 100", { seq: 3, problem: "expected event 2, found 3" }],
    ["occurred_at", "occurred_at = occurred_at + interval '1 second'", CHANGED],
    ["actor_type", "actor_type = 'account'", CHANGED],
    ["actor_id", "actor_id = gen_random_uuid()", CHANGED],
    ["actor_label", "actor_label = 'someone else'", CHANGED],
    ["on_behalf_of_account_id", "on_behalf_of_account_id = gen_random_uuid()", CHANGED],
    ["action", "action = 'innocent.action'", CHANGED],
    ["target_type", "target_type = 'other'", CHANGED],
    ["target_id", "target_id = 'other'", CHANGED],
    ["before", `"before" = '{"n": 0}'::jsonb`, CHANGED],
    ["after", `"after" = '{"n": 2}'::jsonb`, CHANGED],
    ["ip", "ip = '10.0.0.1'", CHANGED],
    ["user_agent", "user_agent = 'forged'", CHANGED],
    ["request_id", "request_id = 'forged'", CHANGED],
    ["prev_hash", "prev_hash = repeat('a', 64)", { seq: 2, problem: "does not follow the previous event's hash" }],
    ["hash", "hash = repeat('b', 64)", CHANGED],
  ];

  it("has a tampering case for every stored column", async () => {
    const names = Object.values(getTableColumns(auditEvents)).map((column) => column.name);
    expect(new Set(tamperings.map(([column]) => column))).toEqual(new Set(names));
  });

  it.each(tamperings)("detects a changed %s", async (column, assignment, verdict) => {
    const teamId = await newTeam(`Tamper ${column}`);
    const { db } = database.handle;
    for (const action of ["first", "second", "third"]) {
      await db.transaction((tx) => recordAudit(tx, event(teamId, action)));
    }
    // team_id moves the middle event into another team's chain: both chains must break.
    const target = column === "team_id" ? await newTeam("Other") : teamId;
    const change = column === "team_id" ? `team_id = '${target}'` : assignment;
    await db.execute(sql.raw(`update audit_events set ${change} where team_id = '${teamId}' and seq = 2`));
    expect(await verifyAuditChain(db, teamId)).toEqual({
      valid: false,
      events: column === "team_id" ? 2 : 3,
      ...verdict,
    });
    // The other chain now starts with a stranger's event 2.
    if (column === "team_id") {
      expect(await verifyAuditChain(db, target)).toEqual({
        valid: false,
        events: 1,
        seq: 2,
        problem: "expected event 1, found 2",
      });
    }
  });

  it("detects a removed event", async () => {
    const teamId = await newTeam("Tamper removed");
    const { db } = database.handle;
    for (const action of ["first", "second", "third"]) {
      await db.transaction((tx) => recordAudit(tx, event(teamId, action)));
    }
    await db.execute(sql.raw(`delete from audit_events where team_id = '${teamId}' and seq = 2`));
    expect(await verifyAuditChain(db, teamId)).toEqual({
      valid: false,
      events: 2,
      seq: 3,
      problem: "expected event 2, found 3",
    });
  });

  const person = {
    kind: "account" as const,
    accountId: "5f0b1c2d-0000-4000-8000-00000000a11c",
    email: "alice@personal.example",
    sessionId: null,
    mfaVerified: false,
  };

  async function personalChain(name: string) {
    const teamId = await newTeam(name);
    const { db } = database.handle;
    await db.transaction((tx) => recordAudit(tx, event(teamId, "before.person")));
    await db.transaction((tx) =>
      recordAudit(tx, {
        ...event(teamId, "membership.role_changed"),
        actor: person,
        before: { email: "bob@personal.example", role: "member" },
        after: { email: "bob@personal.example", role: "manager", invitations: [{ email: "carol@personal.example" }] },
      }),
    );
    await db.transaction((tx) => recordAudit(tx, event(teamId, "after.person")));
    return teamId;
  }

  it("keeps each personal value beside the event, hashed as a salted digest", async () => {
    const teamId = await personalChain("Personal");
    const { db } = database.handle;
    const fields = await db.select().from(auditPersonalFields).where(eq(auditPersonalFields.teamId, teamId));
    expect(fields.map((f) => [f.path, f.emailKey, f.accountId])).toEqual(
      expect.arrayContaining([
        [["actorLabel"], "alice@personal.example", person.accountId],
        [["before", "email"], "bob@personal.example", null],
        [["after", "email"], "bob@personal.example", null],
        [["after", "invitations", 0, "email"], "carol@personal.example", null],
      ]),
    );
    expect(fields).toHaveLength(4);
    expect(await verifyAuditChain(db, teamId)).toEqual({ valid: true, events: 3 });
  });

  const personalTamperings: Array<[string, string]> = [
    [
      "a personal actor label",
      `update audit_events set actor_label = 'mallory@personal.example' where action = 'membership.role_changed' and team_id = $team`,
    ],
    [
      "a personal value in after",
      `update audit_events set "after" = jsonb_set("after", '{email}', '"mallory@personal.example"') where action = 'membership.role_changed' and team_id = $team`,
    ],
    [
      "a digest",
      `update audit_personal_fields set digest = repeat('c', 64) where team_id = $team and path = '["before", "email"]'`,
    ],
    ["a salt", `update audit_personal_fields set salt = 'forged' where team_id = $team and path = '["actorLabel"]'`],
    [
      "a path",
      `update audit_personal_fields set path = '["before", "role"]' where team_id = $team and path = '["before", "email"]'`,
    ],
    [
      "a removed personal field",
      `delete from audit_personal_fields where team_id = $team and path = '["after", "email"]'`,
    ],
  ];

  it.each(personalTamperings)("detects a changed %s", async (_what, statement) => {
    const teamId = await personalChain(`Tamper personal ${_what}`);
    const { db } = database.handle;
    await db.execute(sql.raw(statement.replaceAll("$team", `'${teamId}'`)));
    expect(await verifyAuditChain(db, teamId)).toMatchObject({ valid: false, seq: 2 });
  });

  it("erases a person's values without breaking the chain or changing any hash", async () => {
    const teamId = await personalChain("Erased");
    const { db } = database.handle;
    const hashes = async () =>
      (
        await db
          .select({ hash: auditEvents.hash })
          .from(auditEvents)
          .where(eq(auditEvents.teamId, teamId))
          .orderBy(auditEvents.seq)
      ).map((r) => r.hash);
    const before = await hashes();

    const erased = await db.transaction((tx) =>
      erasePersonalAuditFields(tx, {
        teamId,
        whose: { accountId: person.accountId, emails: ["Bob@personal.example"] },
        names: { email: (accountId) => `gone-${accountId ?? "unknown"}@invalid`, name: "Gone" },
        now: new Date(),
      }),
    );

    expect(erased).toEqual({ values: 3, events: 1 });
    const [row] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.action, "membership.role_changed")));
    expect(row!.actorLabel).toBe(`gone-${person.accountId}@invalid`);
    expect(row!.before).toEqual({ email: "gone-unknown@invalid", role: "member" });
    expect(row!.after).toEqual({
      email: "gone-unknown@invalid",
      role: "manager",
      invitations: [{ email: "carol@personal.example" }],
    });
    expect(
      JSON.stringify(await db.select().from(auditPersonalFields).where(eq(auditPersonalFields.teamId, teamId))),
    ).not.toMatch(/alice|bob/);
    expect(await hashes()).toEqual(before);
    expect(await verifyAuditChain(db, teamId)).toEqual({ valid: true, events: 3 });
  });
});

describe("the chain read in batches", () => {
  async function chainOfFive(name: string) {
    const teamId = await newTeam(name);
    const { db } = database.handle;
    for (const action of ["one", "two", "three", "four", "five"]) {
      await db.transaction((tx) =>
        recordAudit(tx, { ...event(teamId, `batch.${action}`), before: { email: `${action}@personal.example` } }),
      );
    }
    return teamId;
  }

  it("verifies across batch boundaries, personal values included", async () => {
    const teamId = await chainOfFive("Batched");
    for (const batchSize of [1, 2, 5, 6]) {
      expect(await verifyAuditChain(database.handle.db, teamId, batchSize)).toEqual({ valid: true, events: 5 });
    }
  });

  // With batches of two, event 3 opens the second batch and event 2 closes the first.
  it.each([
    [
      "the first event of a batch changed",
      "update audit_events set action = 'forged' where team_id = $team and seq = 3",
      { events: 5, seq: 3, problem: "content does not match its hash" },
    ],
    [
      "the last event of a batch changed",
      "update audit_events set action = 'forged' where team_id = $team and seq = 2",
      { events: 5, seq: 2, problem: "content does not match its hash" },
    ],
    [
      "a link across the boundary broken",
      "update audit_events set prev_hash = repeat('a', 64) where team_id = $team and seq = 3",
      { events: 5, seq: 3, problem: "does not follow the previous event's hash" },
    ],
    [
      "the event after the boundary removed",
      `with fields as (delete from audit_personal_fields where event_id in (select id from audit_events where team_id = $team and seq = 3)) delete from audit_events where team_id = $team and seq = 3`,
      { events: 4, seq: 4, problem: "expected event 3, found 4" },
    ],
    [
      "a whole batch removed",
      `with fields as (delete from audit_personal_fields where event_id in (select id from audit_events where team_id = $team and seq in (3, 4))) delete from audit_events where team_id = $team and seq in (3, 4)`,
      { events: 3, seq: 5, problem: "expected event 3, found 5" },
    ],
    [
      "an event moved before the first",
      "update audit_events set seq = -1 where team_id = $team and seq = 4",
      { events: 5, seq: -1, problem: "expected event 1, found -1" },
    ],
  ])("detects %s", async (_what, statement, verdict) => {
    const teamId = await chainOfFive(`Batch break ${_what}`);
    const { db } = database.handle;
    await db.execute(sql.raw(statement.replaceAll("$team", `'${teamId}'`)));
    expect(await verifyAuditChain(db, teamId, 2)).toEqual({ valid: false, ...verdict });
  });
});
