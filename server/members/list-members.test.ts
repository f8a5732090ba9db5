import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing/test-database";
import { callerForEmail } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { listMembers } from "./list-members";
import { MEMBER_SORTS } from "./member-order";

const database = useTestDatabase();
let teamId: string;
let api: Awaited<ReturnType<typeof callerForEmail>>;

beforeAll(async () => {
  teamId = await demoTeamId(database.handle.db, "Acme Corp");
  api = await callerForEmail(database.handle.db, "manager@acme.example");
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

describe("the users list", () => {
  it.each(MEMBER_SORTS.flatMap((sort) => [[sort, "asc"] as const, [sort, "desc"] as const]))(
    "pages by keyset through every user sorted by %s %s, each once and in order",
    async (sort, direction) => {
      const all = (await api.members.list({ teamId, sort, direction })).members;
      expect(all.length).toBe(25);
      // Pages of 50 hold the whole demo team; compare with pages walked through the listing's own cursors.
      const emails: string[] = [];
      let after: string | undefined;
      do {
        const page = await listMembers(database.handle.db, teamId, { sort, direction, after, limit: 4 });
        emails.push(...page.members.map((m) => m.email));
        after = page.next ?? undefined;
      } while (after);
      expect(emails).toEqual(all.map((m) => m.email));
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
    expect(await walk({ teamId, search: "@partner" })).toEqual(["jade.fontaine@partner.example", "tom.becker@partner.example"]);
    expect(await walk({ teamId, search: "%" })).toEqual([]);
  });

  it("filters by role, licence, status and type", async () => {
    expect((await walk({ teamId, role: "manager" })).sort()).toEqual(["consultant@fmpro.example", "it@acme.example", "manager@acme.example"]);
    expect(await walk({ teamId, status: "deactivated" })).toEqual(["ben.walker@acme.example", "yuki.tanaka@acme.example"]);
    expect((await walk({ teamId, type: "external" })).sort()).toEqual([
      "auditor@ledger.example",
      "consultant@fmpro.example",
      "jade.fontaine@partner.example",
      "tom.becker@partner.example",
    ]);
    const unlicensedManaged = await walk({ teamId, licensed: false, type: "managed", status: "active" });
    expect(unlicensedManaged).toEqual(["chloe.martin@acme.example", "david.cohen@acme.example", "it@acme.example", "owner@acme.example"]);
  });

  it("refuses a cursor of another sort with a message saying what to do", async () => {
    const page = await api.members.list({ teamId, sort: "email" });
    await expect(api.members.list({ teamId, sort: "name", after: page.members.length ? "bm90LWEtY3Vyc29y" : "" })).rejects.toThrow(
      "This page link is out of date; go back to the first page.",
    );
  });

  it("is not open to members", async () => {
    const member = await callerForEmail(database.handle.db, "member@acme.example");
    await expect(member.members.list({ teamId })).rejects.toThrow(/does not allow you to see the team's users/);
  });
});
