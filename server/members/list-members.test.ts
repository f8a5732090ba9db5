import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accounts, memberships } from "@/db/schema";
import { membershipRole, membershipStatus } from "@/db/schema/enums";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { callerForEmail } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { listMembers } from "./list-members";
import { MEMBER_SORTS, type MemberSort } from "./member-order";

const database = setUpTestDatabase();
let teamId: string;
let api: Awaited<ReturnType<typeof callerForEmail>>;

beforeAll(async () => {
  const { db } = database.handle;
  teamId = await demoTeamId(db, "Acme Corp");
  api = await callerForEmail(db, "manager@acme.example");
  // The demo has no sign-ins and no two-step users yet: give some, so those sorts order real values.
  const signedIn = [
    "member@acme.example",
    "tom.becker@partner.example",
    "it@acme.example",
    "yuki.tanaka@acme.example",
    "owner@acme.example",
  ];
  for (const [i, email] of signedIn.entries()) {
    await db
      .update(accounts)
      .set({ lastSignInAt: new Date(Date.UTC(2026, 10, 1 + 3 * i, 8, 30)) })
      .where(eq(accounts.email, email));
  }
  for (const email of ["manager@acme.example", "consultant@fmpro.example", "chloe.martin@acme.example"]) {
    await db
      .update(accounts)
      .set({ totpEnabledAt: new Date(Date.UTC(2026, 9, 15)) })
      .where(eq(accounts.email, email));
  }
});

/** Walks every page of a view forward with small pages. */
async function walk(view: Parameters<typeof api.members.list>[0]) {
  const emails: string[] = [];
  let after: string | undefined;
  do {
    const page = await api.members.list({ ...view, after });
    emails.push(...page.members.map((m) => m.email));
    after = page.next ?? undefined;
  } while (after);
  return emails;
}

/** The team's rows read straight from the tables, with each sort's key worked out here, not by the listing. */
async function seededRows() {
  const rows = await database.handle.db
    .select({
      accountId: accounts.id,
      email: accounts.email,
      name: accounts.name,
      managedByTeamId: accounts.managedByTeamId,
      totpEnabledAt: accounts.totpEnabledAt,
      lastSignInAt: accounts.lastSignInAt,
      role: memberships.role,
      licensed: memberships.licensed,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.teamId, teamId));
  return rows;
}

type SeededRow = Awaited<ReturnType<typeof seededRows>>[number];

const SORT_KEYS: Record<MemberSort, (row: SeededRow) => string | number> = {
  name: (row) => row.name.toLowerCase(),
  email: (row) => row.email.toLowerCase(),
  // Enums sort in the order they were declared, booleans false first, a missing sign-in first.
  role: (row) => membershipRole.enumValues.indexOf(row.role),
  licence: (row) => Number(row.licensed),
  status: (row) => membershipStatus.enumValues.indexOf(row.status),
  type: (row) => Number(row.managedByTeamId === teamId),
  twoStep: (row) => Number(row.totpEnabledAt !== null),
  lastSignIn: (row) => row.lastSignInAt?.getTime() ?? Number.NEGATIVE_INFINITY,
};

/** Emails in the order a sort must give: its key, then the account id (as PostgreSQL orders uuids), both in the direction. */
function expectedOrder(rows: SeededRow[], sort: MemberSort, direction: "asc" | "desc"): string[] {
  const key = SORT_KEYS[sort];
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const sign = direction === "asc" ? 1 : -1;
  return [...rows]
    .sort((a, b) => sign * (compare(key(a), key(b)) || compare(a.accountId, b.accountId)))
    .map((row) => row.email);
}

describe("the users list", () => {
  it("has a sort key worked out independently for every sort it offers", () => {
    expect(Object.keys(SORT_KEYS).sort()).toEqual([...MEMBER_SORTS].sort());
  });

  it.each(MEMBER_SORTS.flatMap((sort) => [[sort, "asc"] as const, [sort, "desc"] as const]))(
    "pages by keyset through every user sorted by %s %s, each once and in order",
    async (sort, direction) => {
      const expected = expectedOrder(await seededRows(), sort, direction);
      expect(expected).toHaveLength(25);
      // One page of 50 holds the whole demo team.
      const all = (await api.members.list({ teamId, sort, direction })).members;
      expect(all.map((m) => m.email)).toEqual(expected);
      // Pages of 4 walked through the listing's own cursors give the same order.
      const emails: string[] = [];
      let after: string | undefined;
      do {
        const page = await listMembers(database.handle.db, teamId, { sort, direction, after, limit: 4 });
        emails.push(...page.members.map((m) => m.email));
        after = page.next ?? undefined;
      } while (after);
      expect(emails).toEqual(expected);
    },
  );

  it("goes back a page with the previous cursor", async () => {
    const first = await listMembers(database.handle.db, teamId, { limit: 5 });
    const second = await listMembers(database.handle.db, teamId, { limit: 5, after: first.next! });
    const back = await listMembers(database.handle.db, teamId, { limit: 5, before: second.previous! });
    expect(back.members.map((m) => m.email)).toEqual(first.members.map((m) => m.email));
    expect(back.previous).toBeNull();
  });

  it("searches any part of name or email, case-insensitively, with LIKE characters taken literally", async () => {
    expect(await walk({ teamId, search: "PATEL" })).toEqual(["member@acme.example"]);
    expect(await walk({ teamId, search: "@partner" })).toEqual([
      "jade.fontaine@partner.example",
      "tom.becker@partner.example",
    ]);
    expect(await walk({ teamId, search: "%" })).toEqual([]);
  });

  it("filters by role, licence, status and type", async () => {
    expect((await walk({ teamId, role: "manager" })).sort()).toEqual([
      "consultant@fmpro.example",
      "it@acme.example",
      "manager@acme.example",
    ]);
    expect(await walk({ teamId, status: "deactivated" })).toEqual([
      "ben.walker@acme.example",
      "yuki.tanaka@acme.example",
    ]);
    expect((await walk({ teamId, type: "external" })).sort()).toEqual([
      "auditor@ledger.example",
      "consultant@fmpro.example",
      "jade.fontaine@partner.example",
      "tom.becker@partner.example",
    ]);
    const unlicensedManaged = await walk({ teamId, licensed: false, type: "managed", status: "active" });
    expect(unlicensedManaged).toEqual([
      "chloe.martin@acme.example",
      "david.cohen@acme.example",
      "it@acme.example",
      "owner@acme.example",
    ]);
  });

  it("refuses a cursor of another sort with a message saying what to do", async () => {
    const byEmail = await listMembers(database.handle.db, teamId, { sort: "email", limit: 4 });
    const cursor = byEmail.next!;
    // The cursor is good for the sort it came from.
    expect((await api.members.list({ teamId, sort: "email", after: cursor })).members).toHaveLength(21);
    for (const position of ["after", "before"] as const) {
      await expect(api.members.list({ teamId, sort: "name", [position]: cursor })).rejects.toThrow(
        "This page link is out of date; go back to the first page.",
      );
    }
  });

  it("is not open to members", async () => {
    const member = await callerForEmail(database.handle.db, "member@acme.example");
    await expect(member.members.list({ teamId })).rejects.toThrow(/does not allow you to see the team's users/);
  });
});

describe("the group filter", () => {
  it("lists a group's members, an empty group as empty, and refuses another team's group as missing", async () => {
    const { db } = database.handle;
    const initechApi = await callerForEmail(db, "owner@initech.example");
    const initech = await demoTeamId(db, "Initech");
    const [initechGroup] = await initechApi.groups.list({ teamId: initech });
    const empty = await api.groups.create({ teamId, name: "Nobody yet" });
    const [sales] = (await api.groups.list({ teamId })).filter((group) => group.members > 0);

    const page = await api.members.list({ teamId, groupId: sales!.id });
    expect(page.members).toHaveLength(sales!.members);
    expect((await api.members.list({ teamId, groupId: empty.id })).members).toEqual([]);
    await expect(api.members.list({ teamId, groupId: initechGroup!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
