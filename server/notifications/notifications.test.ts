import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accounts, memberships, notifications } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DAY_MS } from "@/lib/time";
import { type Actor, noRequest, systemActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { contextAt, mailsTo, newAccount, teamWithContract } from "../billing/test-support";
import { fixedClock } from "../clock";
import { dispatchEvents } from "../events/dispatch-events";
import { addMembership } from "../members/add-membership";
import { createCaller } from "../routers/root";
import { contextFor } from "../testing/callers";
import { refusal } from "../testing/refusal";
import { runNotificationRetentionJob } from "./retention-job";

const database = setUpTestDatabase();
const db = (): Database => database.handle.db;
const clock = fixedClock("2025-04-01T08:00:00Z");

const asAccount = (person: { id: string; email: string }): Actor => ({
  kind: "account",
  accountId: person.id,
  email: person.email,
  sessionId: null,
  mfaVerified: false,
});
const apiOf = (person: { id: string; email: string }) => createCaller(contextFor(db(), asAccount(person), { clock }));

/** A team whose owner and manager hear of its hosts and seats. */
async function teamWithManager() {
  const team = await teamWithContract(db(), { at: clock.now() });
  const manager = await newAccount(db(), "manager");
  await addMembership(db(), contextAt(systemActor("Tests"), clock), {
    teamId: team.teamId,
    accountId: manager.id,
    role: "manager",
    licensed: false,
  });
  return { ...team, manager };
}

/** An event of the team that its rules turn into a notification for each manager, dispatched at once. */
async function happen(teamId: string, action: "host.unreachable" | "subscription.seats_filled", name = "Main") {
  await db().transaction((tx) =>
    recordAudit(tx, {
      teamId,
      actor: systemActor("Tests"),
      occurredAt: clock.now(),
      request: noRequest,
      action,
      target: { type: action === "host.unreachable" ? "host" : "subscription", id: randomUUID() },
      after: action === "host.unreachable" ? { name } : { seats: 10 },
    }),
  );
  await dispatchEvents(db(), clock);
  clock.advance(1_000);
}

beforeEach(async () => {
  await dispatchEvents(db(), clock, { sinks: [], maxBatches: 10_000 });
});

describe("mail by preference", () => {
  it("mails a kind that is on by default, and stops when the person turns it off", async () => {
    const team = await teamWithManager();
    await happen(team.teamId, "host.unreachable", "First");
    const first = await mailsTo(db(), team.manager.email);
    expect(first.map((m) => m.subject)).toEqual([expect.stringMatching(/: First is unreachable$/)]);
    expect(first[0]!.text).toContain(`/teams/${team.teamId}/hosts/`);

    await apiOf(team.manager).notifications.setEmailPreferences({ email: { host_unreachable: false } });
    await happen(team.teamId, "host.unreachable", "Second");
    expect(await mailsTo(db(), team.manager.email)).toHaveLength(1);
    // The notification itself still comes; the owner, who chose nothing, is still mailed.
    expect(await apiOf(team.manager).notifications.unreadCount()).toBe(2);
    expect(await mailsTo(db(), team.owner.email)).toHaveLength(2);
  });

  it("mails a kind that is off by default only to whoever turned it on", async () => {
    const team = await teamWithManager();
    await apiOf(team.owner).notifications.setEmailPreferences({ email: { seat_limit_reached: true } });
    await happen(team.teamId, "subscription.seats_filled");
    expect((await mailsTo(db(), team.owner.email)).map((m) => m.subject)).toEqual([
      expect.stringMatching(/: all seats are in use$/),
    ]);
    expect(await mailsTo(db(), team.manager.email)).toEqual([]);
  });

  it("does not mail the owner a break-glass view a second time: the view itself mails the owner", async () => {
    const team = await teamWithManager();
    await db().transaction((tx) =>
      recordAudit(tx, {
        teamId: team.teamId,
        actor: systemActor("Tests"),
        occurredAt: clock.now(),
        request: noRequest,
        action: "support.session.started",
        target: { type: "support_session", id: randomUUID() },
        after: { reason: "An outage needs a look right now", breakGlass: true },
      }),
    );
    await dispatchEvents(db(), clock);
    expect(await apiOf(team.owner).notifications.unreadCount()).toBe(1);
    expect(await mailsTo(db(), team.owner.email)).toEqual([]);
    expect((await mailsTo(db(), team.manager.email)).map((m) => m.subject)).toEqual([
      expect.stringMatching(/: support view without consent$/),
    ]);
  });

  it("writes the mail in the person's own language", async () => {
    const team = await teamWithManager();
    await db().update(accounts).set({ language: "nl" }).where(eq(accounts.id, team.manager.id));
    await happen(team.teamId, "host.unreachable", "Hoofdserver");
    const [mail] = await mailsTo(db(), team.manager.email);
    expect(mail!.subject).toMatch(/: Hoofdserver is onbereikbaar$/);
    expect(mail!.text).toMatch(/^Hallo /);
  });

  it("offers a choice for each kind, except those the change always mails", async () => {
    const team = await teamWithManager();
    const choices = await apiOf(team.manager).notifications.emailPreferences();
    expect(choices.find((c) => c.kind === "ownership_offer")).toEqual({
      kind: "ownership_offer",
      email: true,
      choosable: false,
    });
    expect(choices.find((c) => c.kind === "seat_limit_reached")).toEqual({
      kind: "seat_limit_reached",
      email: false,
      choosable: true,
    });
    // Turning off what the change mails anyway is ignored, not stored.
    await apiOf(team.manager).notifications.setEmailPreferences({ email: { ownership_offer: false } });
    expect(
      (await apiOf(team.manager).notifications.emailPreferences()).find((c) => c.kind === "ownership_offer"),
    ).toMatchObject({ email: true });
  });
});

describe("a person's notifications", () => {
  it("lists their own, newest first, page by page and by team; opening one marks it read and answers its link", async () => {
    const one = await teamWithManager();
    const other = await teamWithContract(db(), { at: clock.now() });
    await addMembership(db(), contextAt(systemActor("Tests"), clock), {
      teamId: other.teamId,
      accountId: one.manager.id,
      role: "manager",
      licensed: false,
    });
    for (let i = 0; i < 23; i++) await happen(one.teamId, "host.unreachable", `Host ${i}`);
    await happen(other.teamId, "host.unreachable", "Elsewhere");
    const api = apiOf(one.manager);

    const first = await api.notifications.list({});
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.params.host).toBe("Elsewhere");
    const second = await api.notifications.list({ before: first.next! });
    expect(second.items.map((n) => n.params.host)).toEqual(["Host 3", "Host 2", "Host 1", "Host 0"]);
    expect(second.next).toBeNull();
    const filtered = await api.notifications.list({ teamId: other.teamId });
    expect(filtered.items.map((n) => n.teamName)).toEqual([expect.stringContaining("Billing")]);
    expect((await api.notifications.teams()).map((t) => t.id).sort()).toEqual([one.teamId, other.teamId].sort());

    expect(await api.notifications.unreadCount()).toBe(24);
    const opened = await api.notifications.open({ id: filtered.items[0]!.id });
    expect(opened.link).toBe(filtered.items[0]!.link);
    expect(await api.notifications.unreadCount()).toBe(23);
    expect(await api.notifications.markAllRead({ teamId: one.teamId })).toEqual({ marked: 23 });
    expect(await api.notifications.unreadCount()).toBe(0);
    await api.notifications.delete({ id: filtered.items[0]!.id });
    expect((await api.notifications.list({ teamId: other.teamId })).items).toEqual([]);
  });

  it("cannot be read, opened, marked or deleted by anyone else", async () => {
    const team = await teamWithManager();
    await happen(team.teamId, "host.unreachable");
    const [mine] = (await apiOf(team.manager).notifications.list({})).items;
    const stranger = apiOf(await newAccount(db(), "stranger"));
    expect((await stranger.notifications.list({ teamId: team.teamId })).items).toEqual([]);
    expect((await refusal(stranger.notifications.open({ id: mine!.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(stranger.notifications.delete({ id: mine!.id }))).code).toBe("NOT_FOUND");
    expect(await stranger.notifications.markAllRead({})).toEqual({ marked: 0 });
    const [row] = await db().select().from(notifications).where(eq(notifications.id, mine!.id));
    expect(row!.readAt).toBeNull();
  });

  it("keeps a notification of a team the person left, but it no longer leads into that team", async () => {
    const team = await teamWithManager();
    await happen(team.teamId, "host.unreachable");
    await db().delete(memberships).where(eq(memberships.accountId, team.manager.id));
    const api = apiOf(team.manager);
    const [kept] = (await api.notifications.list({})).items;
    expect(kept).toMatchObject({ kind: "host_unreachable", link: null });
    expect(await api.notifications.open({ id: kept!.id })).toEqual({ link: null });
  });

  it("are forgotten after 90 days", async () => {
    const team = await teamWithManager();
    await happen(team.teamId, "host.unreachable");
    const later = fixedClock(new Date(clock.now().getTime() + 89 * DAY_MS));
    await runNotificationRetentionJob(db(), later);
    expect(await apiOf(team.manager).notifications.unreadCount()).toBe(1);
    later.advance(2 * DAY_MS);
    await runNotificationRetentionJob(db(), later);
    expect(await apiOf(team.manager).notifications.unreadCount()).toBe(0);
  });
});
