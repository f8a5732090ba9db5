import { and, count, desc, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, customAppGroups, groupMemberships, groups, subscriptions } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { createAccount } from "../../accounts/create-account";
import { noRequest, systemActor } from "../../actor";
import { fixedClock } from "../../clock";
import { seatsInUse } from "../../members/seats";
import { callerForEmail } from "../../testing/callers";
import { demoTeamId, membershipOf } from "../../testing/demo";
import { refusal } from "../../testing/refusal";
import { browserCaller, openSupportView, signInDemoSupport } from "../../testing/support-session";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock(new Date());
const as = (email: string) => callerForEmail(db(), email);
let teamId = "";

beforeAll(async () => {
  teamId = await demoTeamId(db(), "Acme Corp");
});

async function groupId(name: string): Promise<string> {
  const [group] = await db()
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.teamId, teamId), eq(groups.name, name)));
  return group!.id;
}

/** The custom app as the Hosts page lists it, with the names of the groups that may use it. */
async function app(name: string) {
  const hosts = await (await as("manager@acme.example")).hosts.list({ teamId });
  const found = hosts.flatMap((host) => host.customApps).find((a) => a.name === name)!;
  return { id: found.id, groups: found.groups.map((g) => g.name) };
}

async function homeApps(email: string): Promise<string[]> {
  return (await (await as(email)).teams.home({ teamId })).customApps.map((a) => a.name);
}

async function joinAs(email: string, name: string) {
  await createAccount(
    db(),
    { actor: systemActor("test"), clock, request: noRequest },
    { email, name, password: DEMO_PASSWORD, emailVerified: true },
  );
  return as(email);
}

async function lastMailTo(email: string) {
  const mails = await (await as("manager@acme.example")).dev.mailbox({ to: email });
  return mails[0]!;
}

describe("giving a custom app to groups", () => {
  it("replaces the groups that may use it, and the Hosts list names them", async () => {
    const api = await as("manager@acme.example");
    const invoices = await app("Invoices");
    expect(invoices.groups).toEqual(["Finance", "Sales"]);

    const operations = await groupId("Operations");
    expect(await api.customApps.setGroups({ teamId, customAppId: invoices.id, groupIds: [operations] })).toEqual({
      groupIds: [operations],
    });
    expect((await app("Invoices")).groups).toEqual(["Operations"]);

    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.action, "custom_app.access_changed")))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(event).toMatchObject({ targetType: "custom_app", targetId: invoices.id });
    expect((event!.before as { groupIds: string[] }).groupIds.sort()).toEqual(
      [await groupId("Finance"), await groupId("Sales")].sort(),
    );
    expect(event!.after).toEqual({ name: "Invoices", groupIds: [operations] });

    await api.customApps.setGroups({ teamId, customAppId: invoices.id, groupIds: [] });
    expect((await app("Invoices")).groups).toEqual([]);
  });

  it("refuses a group of another team and an app it does not have, changing nothing", async () => {
    const api = await as("manager@acme.example");
    const crm = await app("Customer CRM");
    const [foreign] = await db().select({ id: groups.id }).from(groups).where(ne(groups.teamId, teamId)).limit(1);
    const otherTeam = await refusal(
      api.customApps.setGroups({ teamId, customAppId: crm.id, groupIds: [await groupId("Finance"), foreign!.id] }),
    );
    expect([otherTeam.code, otherTeam.message]).toEqual([
      "NOT_FOUND",
      "Some of these groups do not exist in the team; reload the page and choose again.",
    ]);
    const unknown = await refusal(
      api.customApps.setGroups({ teamId, customAppId: crypto.randomUUID(), groupIds: [await groupId("Sales")] }),
    );
    expect([unknown.code, unknown.message]).toEqual([
      "NOT_FOUND",
      "This custom app does not exist in the team; reload the page.",
    ]);
    expect((await app("Customer CRM")).groups).toEqual(["Sales"]);
  });

  it("is for those who operate hosts: a member is refused", async () => {
    const member = await as("emma.dubois@acme.example");
    const crm = await app("Customer CRM");
    const refused = await refusal(member.customApps.setGroups({ teamId, customAppId: crm.id, groupIds: [] }));
    expect(refused.code).toBe("FORBIDDEN");
  });

  it(raceTest("ends as one of two saves made at once, never a mix of both"), async () => {
    const [first, second] = [await as("manager@acme.example"), await as("owner@acme.example")];
    const timesheets = await app("Timesheets");
    const finance = await groupId("Finance");
    const sales = await groupId("Sales");
    const operations = await groupId("Operations");
    await Promise.all([
      first.customApps.setGroups({ teamId, customAppId: timesheets.id, groupIds: [finance, sales] }),
      second.customApps.setGroups({ teamId, customAppId: timesheets.id, groupIds: [operations, sales] }),
    ]);
    const rows = await db()
      .select({ groupId: customAppGroups.groupId })
      .from(customAppGroups)
      .where(eq(customAppGroups.customAppId, timesheets.id));
    const names = (await app("Timesheets")).groups;
    expect(rows).toHaveLength(2);
    expect([
      ["Finance", "Sales"],
      ["Operations", "Sales"],
    ]).toContainEqual(names);
  });
});

describe("what Home shows a member", () => {
  it("is exactly the apps their groups may use, and support viewing as them sees the same", async () => {
    const api = await as("manager@acme.example");
    const invoices = await app("Invoices");
    const finance = await groupId("Finance");
    await api.customApps.setGroups({ teamId, customAppId: invoices.id, groupIds: [await groupId("Operations")] });
    // Emma is in Finance only, Jonas in Sales only.
    expect(await homeApps("emma.dubois@acme.example")).not.toContain("Invoices");

    await api.customApps.setGroups({ teamId, customAppId: invoices.id, groupIds: [finance] });
    expect(await homeApps("emma.dubois@acme.example")).toContain("Invoices");
    expect(await homeApps("jonas.berg@acme.example")).not.toContain("Invoices");

    const home = await (await as("emma.dubois@acme.example")).teams.home({ teamId });
    expect(home.customApps.find((a) => a.name === "Invoices")).toMatchObject({
      hostName: "Acme Production",
      status: "open",
    });

    const staffSessionId = await signInDemoSupport(db(), clock);
    const view = await openSupportView(db(), clock, { teamId, grantedBy: "manager@acme.example", staffSessionId });
    const viewing = await browserCaller(db(), clock, {
      sessionId: staffSessionId,
      supportSessionId: view.supportSessionId,
    });
    const emma = await membershipOf(db(), teamId, "emma.dubois@acme.example");
    await viewing.staffConsole.viewAs({ membershipId: emma!.id });
    const seenBySupport = (await viewing.teams.home({ teamId })).customApps.map((a) => a.name);
    expect(seenBySupport).toEqual(await homeApps("emma.dubois@acme.example"));
  });
});

describe("sharing a custom app", () => {
  it("invites new people as licensed members of the group, in a mail that names the app and its host", async () => {
    const api = await as("manager@acme.example");
    const crm = await app("Customer CRM");
    const sales = await groupId("Sales");
    const seatsBefore = await seatsInUse(db(), teamId, new Date());
    expect(
      await api.customApps.share({
        teamId,
        customAppId: crm.id,
        groupId: sales,
        emails: ["rep.one@acme.example", "Rep.One@acme.example", "rep.two@acme.example"],
      }),
    ).toEqual({ invited: ["rep.one@acme.example", "rep.two@acme.example"], addedToGroup: [] });
    expect(await seatsInUse(db(), teamId, new Date())).toBe(seatsBefore + 2);

    const mail = await lastMailTo("rep.one@acme.example");
    expect(mail.subject).toBe("You are invited to use Customer CRM on Acme Production");
    expect(mail.text).toContain("You are invited to use Customer CRM on Acme Production, a custom app of Acme Corp.");
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

    const rep = await joinAs("rep.one@acme.example", "Rep One");
    await rep.invitations.accept({ token });
    const joined = await membershipOf(db(), teamId, "rep.one@acme.example");
    expect(joined).toMatchObject({ role: "member", licensed: true, status: "active" });
    const [inSales] = await db()
      .select({ n: count() })
      .from(groupMemberships)
      .where(and(eq(groupMemberships.groupId, sales), eq(groupMemberships.membershipId, joined!.id)));
    expect(inSales!.n).toBe(1);
    expect(await homeApps("rep.one@acme.example")).toContain("Customer CRM");
  });

  it("adds people already in the team to the group at once and says so", async () => {
    const api = await as("manager@acme.example");
    const crm = await app("Customer CRM");
    expect(await homeApps("emma.dubois@acme.example")).not.toContain("Customer CRM");
    expect(
      await api.customApps.share({
        teamId,
        customAppId: crm.id,
        groupId: await groupId("Sales"),
        emails: ["Emma.Dubois@acme.example"],
      }),
    ).toEqual({ invited: [], addedToGroup: ["emma.dubois@acme.example"] });
    expect(await homeApps("emma.dubois@acme.example")).toContain("Customer CRM");
  });

  it("refuses a group that cannot use the app", async () => {
    const api = await as("manager@acme.example");
    const crm = await app("Customer CRM");
    const refused = await refusal(
      api.customApps.share({
        teamId,
        customAppId: crm.id,
        groupId: await groupId("Operations"),
        emails: ["ops.person@acme.example"],
      }),
    );
    expect(refused.message).toBe(
      '"Operations" cannot use Customer CRM. Give the group access under Manage access first, or choose a group that has it.',
    );
  });

  it("refuses the whole share when too few licences are left, inviting no one", async () => {
    const api = await as("manager@acme.example");
    const crm = await app("Customer CRM");
    const used = await seatsInUse(db(), teamId, new Date());
    await db()
      .update(subscriptions)
      .set({ seats: used + 1 })
      .where(eq(subscriptions.teamId, teamId));
    const refused = await refusal(
      api.customApps.share({
        teamId,
        customAppId: crm.id,
        groupId: await groupId("Sales"),
        emails: ["late.one@acme.example", "late.two@acme.example", "jonas.berg@acme.example"],
      }),
    );
    expect([refused.code, refused.message]).toEqual([
      "PRECONDITION_FAILED",
      `Only 1 of ${used + 1} seats are free and 2 are needed. Remove licences or add seats to the subscription.`,
    ]);
    expect(await seatsInUse(db(), teamId, new Date())).toBe(used);
    expect(await (await as("manager@acme.example")).dev.mailbox({ to: "late.one@acme.example" })).toEqual([]);
  });
});
