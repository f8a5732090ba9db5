import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, auditPersonalFields, memberships, teamSettings } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { type Actor, systemActor } from "../actor";
import { recordPayment } from "../billing/invoices";
import { runNoticeJob } from "../billing/notices-job";
import { addPaymentMethod } from "../billing/payment-method";
import { runSubscriptionJob } from "../billing/renewal-job";
import {
  auditActions,
  contextAt,
  mailsTo,
  newAccount,
  subscriptionOf,
  type TestClock,
  teamOf,
} from "../billing/test-support";
import { fixedClock } from "../clock";
import { addMembership } from "../members/add-membership";
import { createCaller } from "../routers/root";
import { contextFor } from "../testing/callers";
import { listMyTeams } from "./list-my-teams";
import { MAX_TRIALS_PER_ACCOUNT } from "./start-trial-team";

const database = setUpTestDatabase();
const db = () => database.handle.db;

function actorOf(person: { id: string; email: string }): Actor {
  return { kind: "account", accountId: person.id, email: person.email, sessionId: null, mfaVerified: false };
}

function callerOf(person: { id: string; email: string }, clock: TestClock) {
  return createCaller(contextFor(db(), actorOf(person), { clock }));
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await call.then(
    () => null,
    (e: { code?: string; message?: string }) => e,
  );
  if (!error) throw new Error("expected a refusal, got success");
  return { code: error.code ?? "", message: error.message ?? "" };
}

/** A person who creates a team of their own through the procedure, on the given day. */
async function founder(at: string, team: { product?: "filemaker_cloud" | "claris_connect"; planCode?: string } = {}) {
  const clock = fixedClock(at);
  const owner = await newAccount(db(), "founder");
  const api = callerOf(owner, clock);
  const product = team.product ?? "claris_connect";
  const { id } = await api.teams.create({
    product,
    name: "  Founders Co  ",
    planCode: team.planCode ?? (product === "claris_connect" ? "connect-pro" : "fmc-standard"),
  });
  return { owner, api, clock, teamId: id };
}

describe("creating a team", () => {
  it("starts a 14-day trial on the chosen plan with the creator as its owner", async () => {
    const { owner, teamId } = await founder("2024-03-01T10:00:00Z", {
      product: "filemaker_cloud",
      planCode: "fmc-premium",
    });
    expect(await teamOf(db(), teamId)).toMatchObject({
      name: "Founders Co",
      product: "filemaker_cloud",
      status: "trial",
    });
    expect(await subscriptionOf(db(), teamId)).toMatchObject({
      planCode: "fmc-premium",
      status: "trialing",
      seats: 10,
      trialEndsAt: new Date("2024-03-15T10:00:00Z"),
      currentPeriodEnd: new Date("2024-03-15T10:00:00Z"),
    });
    const [membership] = await db().select().from(memberships).where(eq(memberships.teamId, teamId));
    expect(membership).toMatchObject({ accountId: owner.id, role: "owner", status: "active" });
    expect(await auditActions(db(), teamId)).toEqual(["team.created", "subscription.trial_started"]);
    // The creator keeps their account: a self-service team does not take it over.
    const [account] = await db().select().from(accounts).where(eq(accounts.id, owner.id));
    expect(account!.managedByTeamId).toBeNull();
    expect((await listMyTeams(db(), owner.id)).map((t) => t.name)).toEqual(["Founders Co"]);
  });

  it("refuses names that are empty, too long or hold control characters, and plans of another product", async () => {
    const clock = fixedClock("2024-03-01T10:00:00Z");
    const person = await newAccount(db(), "namer");
    const api = callerOf(person, clock);
    const create = (name: string, planCode = "connect-starter") =>
      refusal(api.teams.create({ product: "claris_connect", name, planCode }));
    expect(await create("   ")).toMatchObject({ code: "BAD_REQUEST", message: "Type a name for the team." });
    expect((await create("x".repeat(101))).message).toBe(
      "Use at most 100 characters for the team's name; this one has 101.",
    );
    expect((await create("Tab\there")).message).toMatch(/invisible control character/);
    expect((await create("Bell\u0007")).message).toMatch(/invisible control character/);
    expect((await create("Good name", "fmc-standard")).message).toBe(
      'The plan "fmc-standard" is not offered for Claris Connect. Choose one of: Starter, Pro and Advanced.',
    );
    // A retired version is never offered for a new contract, nor is a plan that does not exist.
    expect((await create("Good name", "no-such-plan")).code).toBe("BAD_REQUEST");
    expect(await listMyTeams(db(), person.id)).toEqual([]);
    // 100 characters, after trimming, is fine.
    await api.teams.create({ product: "claris_connect", name: ` ${"y".repeat(100)} `, planCode: "connect-starter" });
    expect((await listMyTeams(db(), person.id))[0]!.name).toHaveLength(100);
  });

  it(raceTest("lets one account hold at most three teams in a trial, however many requests race"), async () => {
    const clock = fixedClock("2024-03-01T10:00:00Z");
    const person = await newAccount(db(), "collector");
    const api = callerOf(person, clock);
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        api.teams.create({ product: "filemaker_cloud", name: `Trial ${i}`, planCode: "fmc-essentials" }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(MAX_TRIALS_PER_ACCOUNT);
    const refused = attempts.find((a) => a.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.message).toMatch(/^You already have 3 teams in a trial/);
    expect(await listMyTeams(db(), person.id)).toHaveLength(3);
  });

  it("allows five new teams a day per account", async () => {
    const clock = fixedClock("2024-03-01T10:00:00Z");
    const person = await newAccount(db(), "busy");
    const api = callerOf(person, clock);
    const create = (i: number) =>
      api.teams.create({ product: "claris_connect", name: `Busy ${i}`, planCode: "connect-starter" });
    for (let i = 0; i < 5; i++) {
      const { id } = await create(i);
      // Paid at once, so the trial limit is not what stops the sixth.
      await addPaymentMethod(db(), contextAt(actorOf(person), clock), {
        teamId: id,
        provider: "invoice",
        idempotencyKey: `busy-${i}-conversion`,
        expectedVersion: (await subscriptionOf(db(), id)).version,
      });
    }
    expect((await refusal(create(5))).message).toMatch(/^You have created too many teams today\. Try again after/);
    clock.advance(24 * 60 * 60 * 1000);
    await create(6);
  });
});

describe("a trial started from the console", () => {
  it("converts to paid when the owner adds a payment method, then renews by the subscription job", async () => {
    const { owner, teamId, clock } = await founder("2024-04-01T00:00:00Z", { planCode: "connect-starter" });
    clock.set("2024-04-05T00:00:00Z");
    const ctx = contextAt(actorOf(owner), clock);
    const converted = await addPaymentMethod(db(), ctx, {
      teamId,
      provider: "invoice",
      idempotencyKey: "founder-conversion-0001",
      expectedVersion: (await subscriptionOf(db(), teamId)).version,
    });
    expect(converted).toMatchObject({ converted: true, invoice: { totalCents: 4_900 } });
    expect(await teamOf(db(), teamId)).toMatchObject({ status: "active" });
    clock.set("2024-04-20T00:00:00Z");
    await recordPayment(db(), contextAt(systemActor("Payment provider"), clock), {
      teamId,
      invoiceId: converted.invoice!.id,
    });
    // The trial's end passes without ending anything; the first paid period renews at its end.
    await runSubscriptionJob(db(), fixedClock("2024-04-16T00:00:00Z"));
    expect(await teamOf(db(), teamId)).toMatchObject({ status: "active" });
    await runSubscriptionJob(db(), fixedClock("2024-05-05T00:00:01Z"));
    expect(await subscriptionOf(db(), teamId)).toMatchObject({
      status: "active",
      currentPeriodEnd: new Date("2024-06-05T00:00:00Z"),
    });
    expect(await auditActions(db(), teamId)).toEqual([
      "team.created",
      "subscription.trial_started",
      "payment_method.added",
      "subscription.trial_converted",
      "invoice.paid",
      "subscription.renewed",
    ]);
  });

  it("is reminded by the notice job and ends by the subscription job when nobody pays", async () => {
    const { owner, teamId } = await founder("2024-04-01T00:00:00Z", { product: "filemaker_cloud" });
    await runNoticeJob(db(), fixedClock("2024-04-08T00:00:00Z"));
    await runSubscriptionJob(db(), fixedClock("2024-04-14T23:59:59Z"));
    expect(await teamOf(db(), teamId)).toMatchObject({ status: "trial" });
    await runSubscriptionJob(db(), fixedClock("2024-04-15T00:00:01Z"));
    expect(await teamOf(db(), teamId)).toMatchObject({
      status: "terminated",
      terminatedAt: new Date("2024-04-15T00:00:00Z"),
    });
    expect(await subscriptionOf(db(), teamId)).toMatchObject({ status: "expired" });
    const subjects = (await mailsTo(db(), owner.email)).map((m) => m.subject);
    expect(subjects).toEqual([
      "Founders Co: subscription ends on April 15, 2024",
      "Founders Co has ended: 45 days to download your data",
    ]);
  });
});

describe("renaming a team", () => {
  it("lets a manager rename it, audited with the old and new name, and refuses members and bad names", async () => {
    const { owner, api, teamId, clock } = await founder("2024-05-01T00:00:00Z");
    const manager = await newAccount(db(), "manager");
    const member = await newAccount(db(), "member");
    const platform = contextAt(systemActor("Team tests"), clock);
    await addMembership(db(), platform, { teamId, accountId: manager.id, role: "manager", licensed: false });
    await addMembership(db(), platform, { teamId, accountId: member.id, role: "member", licensed: false });

    await callerOf(manager, clock).teams.rename({ teamId, name: " Founders Group " });
    expect((await listMyTeams(db(), owner.id))[0]!.name).toBe("Founders Group");
    expect((await api.teams.access({ teamId })).team.name).toBe("Founders Group");
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.action, "team.renamed")));
    expect(event).toMatchObject({
      actorId: manager.id,
      before: { name: "Founders Co" },
      after: { name: "Founders Group" },
    });

    expect(await refusal(callerOf(member, clock).teams.rename({ teamId, name: "Mine now" }))).toMatchObject({
      code: "FORBIDDEN",
      message:
        "Your role in Founders Group does not allow you to rename the team. Ask the team's owner or a team manager.",
    });
    expect((await refusal(api.teams.rename({ teamId, name: "" }))).message).toBe("Type a name for the team.");
    expect((await refusal(api.teams.rename({ teamId, name: "Line\nbreak" }))).message).toMatch(/control character/);
    // The same name again changes nothing and writes nothing.
    await api.teams.rename({ teamId, name: "Founders Group" });
    expect((await auditActions(db(), teamId)).filter((a) => a === "team.renamed")).toHaveLength(1);
  });
});

describe("the billing contact", () => {
  it("is set by the owner, seen by managers, and gets the billing notices the owner gets", async () => {
    const { owner, api, teamId, clock } = await founder("2024-06-01T00:00:00Z");
    const manager = await newAccount(db(), "manager");
    await addMembership(db(), contextAt(systemActor("Team tests"), clock), {
      teamId,
      accountId: manager.id,
      role: "manager",
      licensed: false,
    });
    const managerApi = callerOf(manager, clock);
    expect(
      await refusal(managerApi.subscription.setBillingContact({ teamId, name: "M", email: "m@books.example" })),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      (await refusal(api.subscription.setBillingContact({ teamId, name: "Ann", email: "not-an-address" }))).message,
    ).toBe('"not-an-address" is not an email address. Type it as name@example.com.');
    expect((await refusal(api.subscription.setBillingContact({ teamId, name: "Ann Books", email: "" }))).message).toBe(
      "Type the billing contact's email address, or remove the billing contact.",
    );

    await api.subscription.setBillingContact({ teamId, name: " Ann Books ", email: " ann@books.example " });
    expect(await managerApi.subscription.billingContact({ teamId })).toEqual({
      name: "Ann Books",
      email: "ann@books.example",
    });

    await runNoticeJob(db(), fixedClock("2024-06-08T00:00:00Z"));
    const toContact = await mailsTo(db(), "ann@books.example");
    expect(toContact.map((m) => m.subject)).toEqual(["Founders Co: subscription ends on June 15, 2024"]);
    expect(toContact[0]!.text).toMatch(/^Hello Ann Books,\n\nYou receive this as the billing contact of Founders Co\./);
    expect((await mailsTo(db(), owner.email)).map((m) => m.subject)).toEqual([
      "Founders Co: subscription ends on June 15, 2024",
    ]);

    // The address is a personal value of the audit log, erasable like any other address.
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.action, "team.billing_contact_set")));
    expect(event).toMatchObject({
      before: { email: null },
      after: { email: "ann@books.example", contactName: "set" },
    });
    const personal = await db().select().from(auditPersonalFields).where(eq(auditPersonalFields.eventId, event!.id));
    expect(personal.map((p) => p.emailKey)).toContain("ann@books.example");

    // Removed, the contact hears nothing more: the trial's end goes to the owner alone.
    await api.subscription.setBillingContact({ teamId, name: "", email: "" });
    expect(await managerApi.subscription.billingContact({ teamId })).toBeNull();
    await runSubscriptionJob(db(), fixedClock("2024-06-15T00:00:01Z"));
    expect(await mailsTo(db(), "ann@books.example")).toHaveLength(1);
    expect((await mailsTo(db(), owner.email)).map((m) => m.subject)).toContain(
      "Founders Co has ended: 45 days to download your data",
    );
    expect((await auditActions(db(), teamId)).filter((a) => a.startsWith("team.billing_contact"))).toEqual([
      "team.billing_contact_set",
      "team.billing_contact_removed",
    ]);
  });
});

describe("managed users", () => {
  it("may change their name and email only while their team allows it", async () => {
    const { api, teamId, clock } = await founder("2024-07-01T00:00:00Z");
    const person = await newAccount(db(), "managed");
    await addMembership(db(), contextAt(systemActor("Team tests"), clock), {
      teamId,
      accountId: person.id,
      role: "member",
      licensed: false,
    });
    await db().update(accounts).set({ managedByTeamId: teamId }).where(eq(accounts.id, person.id));
    const self = callerOf(person, clock);

    await self.profile.update({ name: "Renamed Myself", phone: "", language: "en" });
    expect((await self.profile.get()).nameChangeRefusal).toBeNull();

    await api.settings.updateManagedUsers({
      teamId,
      managedUsersMayChangeEmail: false,
      managedUsersMayChangeName: false,
    });
    const [settings] = await db().select().from(teamSettings).where(eq(teamSettings.teamId, teamId));
    expect(settings).toMatchObject({ managedUsersMayChangeEmail: false, managedUsersMayChangeName: false });
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.action, "settings.updated")));
    expect(event).toMatchObject({
      before: { managedUsersMayChangeEmail: true, managedUsersMayChangeName: true },
      after: { managedUsersMayChangeEmail: false, managedUsersMayChangeName: false },
    });

    const refusedName =
      "Your account is managed by Founders Co, which does not let its users change their name. Ask an owner or team manager of Founders Co to change it for you.";
    expect(await refusal(self.profile.update({ name: "Someone Else", phone: "", language: "en" }))).toEqual({
      code: "FORBIDDEN",
      message: refusedName,
    });
    // The rest of the profile stays theirs to change.
    await self.profile.update({ name: "Renamed Myself", phone: "", language: "nl" });
    const profile = await self.profile.get();
    expect(profile).toMatchObject({ name: "Renamed Myself", language: "nl" });
    expect(profile.nameChangeRefusal).toMatch(/^Je account wordt beheerd door Founders Co/);
    expect(profile.emailChangeRefusal).toMatch(/^Je account wordt beheerd door Founders Co/);

    await api.settings.updateManagedUsers({
      teamId,
      managedUsersMayChangeEmail: true,
      managedUsersMayChangeName: true,
    });
    await self.profile.update({ name: "Someone Else", phone: "", language: "en" });
    expect((await self.profile.get()).name).toBe("Someone Else");
  });
});
