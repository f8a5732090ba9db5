import { and, count, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, invitations, subscriptions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { callerForEmail } from "../../testing/callers";
import { demoTeamId } from "../../testing/demo";
import { csvLine, parseCsv } from "./csv";

const database = setUpTestDatabase();
let teamId: string;
let connectId: string;
let api: Awaited<ReturnType<typeof callerForEmail>>;

beforeAll(async () => {
  teamId = await demoTeamId(database.handle.db, "Acme Corp");
  connectId = await demoTeamId(database.handle.db, "Acme Connect");
  api = await callerForEmail(database.handle.db, "manager@acme.example");
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const FILE = [
  "email,name,role,licensed,groups",
  "ana@import.example,Ana Lima,member,yes,Sales",
  'bo@import.example,"Bo, Jr.",manager,no,Sales;Finance',
  "not-an-email,Broken,member,no,",
  "ana@IMPORT.example,Ana again,member,no,",
  "cy@import.example,Cy,member,no,Nowhere",
  "member@acme.example,Mina,member,no,",
  "dee@import.example,Dee,boss,no,",
].join("\n");

describe("CSV import", () => {
  it("reports every row with its line and reason before writing anything", async () => {
    const report = await api.members.checkImport({ teamId, csv: FILE });
    expect(report).toMatchObject({ rows: 7, toImport: 2, skipped: 1, errors: 4 });
    expect(report.problems).toEqual([
      { line: 4, email: "not-an-email", outcome: "error", reason: '"not-an-email" is not an email address' },
      { line: 5, email: "ana@IMPORT.example", outcome: "error", reason: "duplicate of line 2" },
      { line: 6, email: "cy@import.example", outcome: "error", reason: 'unknown group "Nowhere"' },
      { line: 7, email: "member@acme.example", outcome: "skip", reason: "already in the team" },
      { line: 8, email: "dee@import.example", outcome: "error", reason: 'role "boss" is not member or manager' },
    ]);
    const [written] = await database.handle.db
      .select({ n: count() })
      .from(invitations)
      .where(like(invitations.email, "%@import.example"));
    expect(written!.n).toBe(0);
  });

  it("imports the valid rows with progress, and a second import of the same file creates nothing", async () => {
    const first = await collect(await api.members.importCsv({ teamId, csv: FILE }));
    expect(first.at(0)).toMatchObject({ kind: "checked", toImport: 2 });
    expect(first.at(-1)).toEqual({ kind: "finished", invited: 2, skipped: 1, errors: 4 });
    const pending = await api.invitations.list({ teamId });
    expect(pending.invitations.find((i) => i.email === "bo@import.example")).toMatchObject({
      role: "manager",
      groups: ["Finance", "Sales"],
    });
    const second = await collect(await api.members.importCsv({ teamId, csv: FILE }));
    expect(second.at(-1)).toEqual({ kind: "finished", invited: 0, skipped: 3, errors: 4 });
    const [written] = await database.handle.db
      .select({ n: count() })
      .from(invitations)
      .where(like(invitations.email, "%@import.example"));
    expect(written!.n).toBe(2);
    const [audited] = await database.handle.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.action, "invitation.imported")));
    expect(audited!.n).toBe(1);
  });

  it("refuses licensed rows beyond the free seats as over the licence limit", async () => {
    const seats = (await api.members.seats({ teamId }))!;
    await database.handle.db
      .update(subscriptions)
      .set({ seats: seats.used + 1 })
      .where(eq(subscriptions.teamId, teamId));
    const csv = [
      "email,name,role,licensed,groups",
      "one@seat.example,,,yes,",
      "two@seat.example,,,yes,",
      "three@seat.example,,,no,",
    ].join("\r\n");
    const report = await api.members.checkImport({ teamId, csv });
    expect(report.problems).toEqual([
      {
        line: 3,
        email: "two@seat.example",
        outcome: "error",
        reason: "over the licence limit: no seat is free for this row",
      },
    ]);
    await database.handle.db.update(subscriptions).set({ seats: 30 }).where(eq(subscriptions.teamId, teamId));
  });

  it("imports 1,200 rows in batches, reporting progress after each", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `bulk${i}@bulk.example,Bulk ${i},member,no,`);
    const events = await collect(
      await api.members.importCsv({ teamId, csv: ["email,name,role,licensed,groups", ...rows].join("\n") }),
    );
    expect(events.filter((e) => e.kind === "progress").map((e) => e.kind === "progress" && e.done)).toEqual([
      500, 1000, 1200,
    ]);
    expect(events.at(-1)).toEqual({ kind: "finished", invited: 1200, skipped: 0, errors: 0 });
  });

  it("says what is wrong with the header, and that Claris Connect rows cannot have licences or groups", async () => {
    await expect(api.members.checkImport({ teamId, csv: "mail,name\nx@y.example,X" })).rejects.toThrow(
      'The first line must be the header "email,name,role,licensed,groups".',
    );
    const owner = await callerForEmail(database.handle.db, "owner@acme.example");
    const report = await owner.members.checkImport({
      teamId: connectId,
      csv: "email,name,role,licensed,groups\na@c.example,,,yes,\nb@c.example,,,,Sales",
    });
    expect(report.problems.map((p) => p.reason)).toEqual([
      "Claris Connect teams have no per-user licences",
      "Claris Connect teams have no groups",
    ]);
  });
});

describe("CSV export", () => {
  it("streams the current view, one chunk per page, with formula-looking values defused", async () => {
    const chunks = await collect(await api.members.exportCsv({ teamId, status: "deactivated", sort: "email" }));
    const records = parseCsv(chunks.join(""));
    expect(records[0]).toEqual([
      "name",
      "email",
      "role",
      "licensed",
      "status",
      "type",
      "two_step",
      "last_sign_in",
      "identity_provider",
    ]);
    expect(records.slice(1).map((r) => r[1])).toEqual(["ben.walker@acme.example", "yuki.tanaka@acme.example"]);
    expect(csvLine(["=HYPERLINK(1)", 'a "b"'])).toBe(`'=HYPERLINK(1),"a ""b"""\r\n`);
  });

  it("is not open to members", async () => {
    const member = await callerForEmail(database.handle.db, "member@acme.example");
    await expect(member.members.exportCsv({ teamId })).rejects.toThrow(/export the team's users/);
  });
});
