import { desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accounts, auditAnchors, auditEvents, memberships, staff, supportSessions, teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { type Actor, noRequest, systemActor } from "../actor";
import { parseCsv } from "../members/csv/csv";
import { createCaller } from "../routers/root";
import { accountActor, callerForEmail, contextFor } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { refusal } from "../testing/refusal";
import { recordAudit } from "./record-audit";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const as = (email: string) => callerForEmail(db(), email);
let teamId: string;
let support: Actor;

beforeAll(async () => {
  teamId = await demoTeamId(db(), "Acme Corp");
  const [account] = await db()
    .insert(accounts)
    .values({ email: "sam.support@platform.example", name: "Sam Support" })
    .returning();
  const [employee] = await db().insert(staff).values({ accountId: account!.id, role: "support" }).returning();
  const now = new Date();
  const [session] = await db()
    .insert(supportSessions)
    .values({
      teamId,
      staffId: employee!.id,
      reason: "Ticket 9: audit question",
      startedAt: now,
      endsAt: new Date(now.getTime() + 3_600_000),
    })
    .returning();
  support = {
    kind: "support",
    staffId: employee!.id,
    accountId: account!.id,
    email: account!.email,
    teamId,
    supportSessionId: session!.id,
  };
});

async function newestEvent() {
  const [event] = await db()
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.teamId, teamId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return event!;
}

const anchors = () => db().select().from(auditAnchors).where(eq(auditAnchors.teamId, teamId)).orderBy(auditAnchors.seq);

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe("Verify integrity", () => {
  it("signs the current head for a manager, checks the log against it, and adds no event", async () => {
    const head = await newestEvent();
    const report = await (await as("manager@acme.example")).audit.verify({ teamId });
    expect(report).toMatchObject({ intact: true, events: head.seq, anchor: { seq: head.seq }, anchors: 1 });
    expect(await anchors()).toMatchObject([{ seq: head.seq, headHash: head.hash, anchoredBy: "manager@acme.example" }]);
    expect((await newestEvent()).seq).toBe(head.seq);
  });

  it("only checks for a support session: the session is read-only", async () => {
    const api = createCaller(contextFor(db(), support));
    const before = await anchors();
    await db().transaction((tx) =>
      recordAudit(tx, {
        teamId,
        actor: systemActor("Tests"),
        occurredAt: new Date(),
        request: noRequest,
        action: "test.later",
      }),
    );
    const report = await api.audit.integrity({ teamId });
    expect(report).toMatchObject({ intact: true, anchor: { seq: before.at(-1)!.seq } });
    expect(await anchors()).toEqual(before);
    const error = await refusal(api.audit.verify({ teamId }));
    expect(error.message).toBe("Support sessions are read-only.");
    expect((await refusal(api.audit.export({ teamId, format: "csv" }))).code).toBe("FORBIDDEN");
  });

  it("is refused to a member", async () => {
    const member = await as("member@acme.example");
    expect((await refusal(member.audit.verify({ teamId }))).message).toContain(
      "does not allow you to sign and verify the team's audit log",
    );
    expect((await refusal(member.audit.integrity({ teamId }))).code).toBe("FORBIDDEN");
  });
});

describe("exporting the audit log", () => {
  it("streams the filtered events as CSV, defuses formulas, and records the export with its filter", async () => {
    await db().transaction((tx) =>
      recordAudit(tx, {
        teamId,
        actor: systemActor('=HYPERLINK("http://evil.example")'),
        occurredAt: new Date(),
        request: noRequest,
        action: "test.formula",
        after: { note: "@SUM(A1)" },
      }),
    );
    const api = await as("owner@acme.example");
    const text = await collect(await api.audit.export({ teamId, format: "csv", action: "test.formula" }));
    const records = parseCsv(text);
    expect(records[0]).toEqual([
      "seq",
      "occurred_at",
      "actor",
      "actor_type",
      "action",
      "target_type",
      "target_id",
      "before",
      "after",
      "ip",
      "request_id",
    ]);
    expect(records).toHaveLength(2);
    expect(records[1]![2]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(records[1]![4]).toBe("test.formula");
    expect(JSON.parse(records[1]![8]!)).toEqual({ note: "@SUM(A1)" });

    const event = await newestEvent();
    expect(event).toMatchObject({
      action: "audit.exported",
      actorLabel: "owner@acme.example",
      targetType: "team",
      targetId: teamId,
    });
    expect(event.after).toEqual({ format: "csv", filter: { action: "test.formula" } });
  });

  it("streams JSON Lines page by page over the whole date range", async () => {
    // A team of its own with 1,005 events, written in one statement (their hashes do not matter here).
    const [team] = await db().insert(teams).values({ name: "Busy", product: "filemaker_cloud" }).returning();
    const manager = await accountActor(db(), "manager@acme.example");
    await db()
      .insert(memberships)
      .values({ teamId: team!.id, accountId: (manager as { accountId: string }).accountId, role: "owner" });
    const from = new Date("2031-05-01T00:00:00Z");
    await db().execute(sql`
      insert into audit_events (team_id, seq, occurred_at, actor_type, actor_label, action, after, prev_hash, hash)
      select ${team!.id}::uuid, n, ${from.toISOString()}::timestamptz + n * interval '1 second', 'system', 'Bulk', 'test.bulk',
             jsonb_build_object('i', n), '', ''
      from generate_series(1, 1005) n`);
    const api = createCaller(contextFor(db(), manager));
    const to = new Date("2031-05-02T00:00:00Z");
    const chunks: string[] = [];
    for await (const chunk of await api.audit.export({ teamId: team!.id, format: "jsonl", from, to }))
      chunks.push(chunk);
    expect(chunks).toHaveLength(2);
    const lines = chunks
      .join("")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { seq: number; action: string; after: { i: number } });
    expect(lines).toHaveLength(1005);
    expect(lines[0]).toMatchObject({ seq: 1005, action: "test.bulk", after: { i: 1005 } });
    expect(lines.at(-1)).toMatchObject({ seq: 1 });
    const [exported] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.teamId, team!.id))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(exported).toMatchObject({ action: "audit.exported", seq: 1006 });
    expect(exported!.after).toEqual({ format: "jsonl", filter: { from: from.toISOString(), to: to.toISOString() } });
  });

  it("is for managers only", async () => {
    const member = await as("member@acme.example");
    expect((await refusal(member.audit.export({ teamId, format: "csv" }))).message).toContain(
      "export the team's audit log",
    );
  });
});

describe("exporting the users", () => {
  it("records members.exported with the view that was exported", async () => {
    const api = await as("manager@acme.example");
    await collect(await api.members.exportCsv({ teamId, status: "deactivated", sort: "email" }));
    const event = await newestEvent();
    expect(event).toMatchObject({ action: "members.exported", actorLabel: "manager@acme.example", targetType: "team" });
    expect(event.after).toEqual({ format: "csv", filter: { status: "deactivated", sort: "email" } });
  });
});
