import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { hosts, notifications } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { type Actor, noRequest, systemActor } from "../../actor";
import { recordAudit } from "../../audit/record-audit";
import { recordPayment } from "../../billing/invoices";
import { runNoticeJob } from "../../billing/notices-job";
import { runSubscriptionJob } from "../../billing/renewal-job";
import {
  contextAt,
  invoicesOf,
  licenseMembers,
  newAccount,
  type TestTeam,
  teamWithContract,
} from "../../billing/test-support";
import { fixedClock } from "../../clock";
import { recordUnreachable } from "../../hosts/record-observation";
import { addMembership } from "../../members/add-membership";
import { requestOwnershipTransfer } from "../../members/request-ownership-transfer";
import { grantSupportAccess } from "../../support/support-grants";
import { dispatchEvents } from "../dispatch-events";

const database = setUpTestDatabase();
const db = (): Database => database.handle.db;

const asAccount = (person: { id: string; email: string }): Actor => ({
  kind: "account",
  accountId: person.id,
  email: person.email,
  sessionId: null,
  mfaVerified: false,
});

/** A team with an owner, a manager and a member, on its own clock. */
async function teamOfThree(at = "2025-03-01T09:00:00Z") {
  const team = await teamWithContract(db(), { at, seats: 10 });
  const platform = contextAt(systemActor("Rule tests"), team.clock);
  const manager = await newAccount(db(), "manager");
  const member = await newAccount(db(), "member");
  await addMembership(db(), platform, { teamId: team.teamId, accountId: manager.id, role: "manager", licensed: false });
  const membership = await addMembership(db(), platform, {
    teamId: team.teamId,
    accountId: member.id,
    role: "member",
    licensed: false,
  });
  return { ...team, manager, member, memberMembershipId: membership.id };
}

async function notificationsOfTeam(teamId: string) {
  return db()
    .select()
    .from(notifications)
    .where(eq(notifications.teamId, teamId))
    .orderBy(notifications.createdAt, notifications.kind);
}

async function recordEvent(
  team: TestTeam,
  actor: Actor,
  action: string,
  fields: Partial<Parameters<typeof recordAudit>[1]>,
) {
  await db().transaction((tx) =>
    recordAudit(tx, {
      teamId: team.teamId,
      actor,
      occurredAt: team.clock.now(),
      request: noRequest,
      action,
      ...fields,
    }),
  );
}

const dispatch = (team: TestTeam) => dispatchEvents(db(), team.clock);

beforeEach(async () => {
  // Each test hears only of its own events.
  await dispatchEvents(db(), fixedClock("2025-01-01T00:00:00Z"), { sinks: [], maxBatches: 10_000 });
});

describe("the rules for what exists today", () => {
  it("tells the member offered ownership, linking to the team's pages where the offer is answered", async () => {
    const team = await teamOfThree();
    await requestOwnershipTransfer(db(), team.ctx, { teamId: team.teamId, membershipId: team.memberMembershipId });
    await dispatch(team);
    const [offer, ...others] = await notificationsOfTeam(team.teamId);
    expect(others).toEqual([]);
    expect(offer).toMatchObject({
      accountId: team.member.id,
      kind: "ownership_offer",
      link: `/teams/${team.teamId}/home`,
      readAt: null,
    });
    expect(offer!.params).toMatchObject({ team: expect.stringContaining("Billing") });
  });

  it("tells the other managers that support access was granted, not the manager who granted it", async () => {
    const team = await teamOfThree();
    await grantSupportAccess(db(), contextAt(asAccount(team.manager), team.clock), { teamId: team.teamId, hours: 4 });
    await dispatch(team);
    const made = await notificationsOfTeam(team.teamId);
    expect(made.map((n) => [n.accountId, n.kind, n.link])).toEqual([
      [team.owner.id, "support_access_granted", `/teams/${team.teamId}/settings`],
    ]);
    expect(made[0]!.params).toMatchObject({ by: team.manager.email, endsAt: Date.parse("2025-03-01T13:00:00Z") });
  });

  it("tells the managers when support opens a view, and says break-glass when it opens one without consent", async () => {
    const team = await teamOfThree();
    const staff: Actor = {
      kind: "support",
      staffId: "5b0c9a52-5d1c-4f37-9a0d-3f4c6c0d2a01",
      accountId: "5b0c9a52-5d1c-4f37-9a0d-3f4c6c0d2a02",
      email: "staff@console.example",
      teamId: team.teamId,
      supportSessionId: "5b0c9a52-5d1c-4f37-9a0d-3f4c6c0d2a03",
    };
    await recordEvent(team, staff, "support.session.started", {
      target: { type: "support_session", id: "5b0c9a52-5d1c-4f37-9a0d-3f4c6c0d2a03" },
      after: { reason: "Ticket 1", breakGlass: false },
    });
    team.clock.advance(1_000);
    await recordEvent(team, staff, "support.session.started", {
      target: { type: "support_session", id: "5b0c9a52-5d1c-4f37-9a0d-3f4c6c0d2a04" },
      after: { reason: "Outage ticket 2 needs a look now", breakGlass: true },
    });
    await dispatch(team);
    const made = await notificationsOfTeam(team.teamId);
    const kindsFor = (accountId: string) => made.filter((n) => n.accountId === accountId).map((n) => n.kind);
    expect(kindsFor(team.owner.id)).toEqual(["support_session_opened", "support_break_glass"]);
    expect(kindsFor(team.manager.id)).toEqual(["support_session_opened", "support_break_glass"]);
    expect(kindsFor(team.member.id)).toEqual([]);
    expect(made.find((n) => n.kind === "support_break_glass")!.params).toMatchObject({
      via: "support",
      who: "staff@console.example",
    });
  });

  it("tells the managers of a password sign-in past single sign-on, except the person who signed in", async () => {
    const team = await teamOfThree();
    await recordEvent(team, asAccount(team.manager), "account.break_glass_signed_in", {
      target: { type: "account", id: team.manager.id },
    });
    await dispatch(team);
    const made = await notificationsOfTeam(team.teamId);
    expect(made.map((n) => [n.accountId, n.kind, n.params.via])).toEqual([
      [team.owner.id, "support_break_glass", "password"],
    ]);
  });

  it("tells the owner of a renewal and of a payment that failed", async () => {
    const paid = await teamOfThree("2025-01-10T00:00:00Z");
    await recordPayment(db(), contextAt(systemActor("Tests"), paid.clock), {
      teamId: paid.teamId,
      invoiceId: (await invoicesOf(db(), paid.teamId))[0]!.id,
    });
    const unpaid = await teamOfThree("2025-01-10T00:00:00Z");
    const later = fixedClock("2025-02-10T00:00:01Z");
    await runSubscriptionJob(db(), later);
    await dispatchEvents(db(), later);
    expect((await notificationsOfTeam(paid.teamId)).map((n) => [n.accountId, n.kind, n.link])).toEqual([
      [paid.owner.id, "subscription_renewed", `/teams/${paid.teamId}/subscription`],
    ]);
    expect((await notificationsOfTeam(paid.teamId))[0]!.params.periodEnd).toBe(Date.parse("2025-03-10T00:00:00Z"));
    expect((await notificationsOfTeam(unpaid.teamId)).map((n) => [n.accountId, n.kind])).toEqual([
      [unpaid.owner.id, "payment_failed"],
    ]);
  });

  it("records the trial's coming end with the owner's notice, once, and tells the owner", async () => {
    const trial = await teamWithContract(db(), { at: "2025-01-01T00:00:00Z", trial: true, seats: 5 });
    await runNoticeJob(db(), fixedClock("2025-01-09T00:00:00Z"));
    await runNoticeJob(db(), fixedClock("2025-01-09T06:00:00Z"));
    await dispatchEvents(db(), fixedClock("2025-01-09T06:00:01Z"));
    const made = await notificationsOfTeam(trial.teamId);
    expect(made.map((n) => [n.accountId, n.kind])).toEqual([[trial.owner.id, "trial_ending"]]);
    expect(made[0]!.params.endsOn).toBe(Date.parse("2025-01-15T00:00:00Z"));
  });

  it("tells the managers when the last seat is taken, and not before", async () => {
    const team = await teamOfThree();
    await licenseMembers(db(), team, 9);
    await dispatch(team);
    expect(await notificationsOfTeam(team.teamId)).toEqual([]);
    await licenseMembers(db(), team, 1);
    await dispatch(team);
    const made = await notificationsOfTeam(team.teamId);
    expect(made.map((n) => [n.kind, n.params.seats, n.link])).toEqual([
      ["seat_limit_reached", 10, `/teams/${team.teamId}/users`],
      ["seat_limit_reached", 10, `/teams/${team.teamId}/users`],
    ]);
    expect(made.map((n) => n.accountId).sort()).toEqual([team.owner.id, team.manager.id].sort());
  });

  it("tells the managers once when a running host stops answering", async () => {
    const team = await teamOfThree();
    const [host] = await db()
      .insert(hosts)
      .values({
        teamId: team.teamId,
        name: "Main Server",
        hostname: `main-${team.teamId.slice(0, 8)}.fmcloud.example`,
        region: "eu",
        computeSize: "medium",
        filemakerVersion: "2025.2.1",
        status: "running",
        adminApiUrl: "https://admin.fmcloud.example",
        adminUser: "admin",
        adminPasswordEncrypted: "v1.unused.unused.unused",
      })
      .returning();
    const ctx = contextAt(systemActor("Host poll"), team.clock);
    await recordUnreachable(db(), ctx, { id: host!.id, teamId: team.teamId, status: "running" }, "timed out");
    await recordUnreachable(db(), ctx, { id: host!.id, teamId: team.teamId, status: "unreachable" }, "timed out");
    await dispatch(team);
    const made = await notificationsOfTeam(team.teamId);
    expect(made.map((n) => [n.kind, n.params.host, n.link])).toEqual([
      ["host_unreachable", "Main Server", `/teams/${team.teamId}/hosts/${host!.id}`],
      ["host_unreachable", "Main Server", `/teams/${team.teamId}/hosts/${host!.id}`],
    ]);
  });

  it("tells the managers when a verified domain loses its proof", async () => {
    const team = await teamOfThree();
    await recordEvent(team, systemActor("Verified-domain check"), "domain.lost", {
      target: { type: "domain", id: "0b9d1f0e-7c39-4a8e-8f57-3b7e1a0c5d10" },
      before: { domain: "lost.example", verifiedAt: "2025-01-01T00:00:00.000Z" },
      after: { record: "_console.lost.example", found: [] },
    });
    await dispatch(team);
    const made = await notificationsOfTeam(team.teamId);
    expect(made).toHaveLength(2);
    expect(made[0]).toMatchObject({
      kind: "identity_provider_failure",
      link: `/teams/${team.teamId}/settings/domains`,
      params: expect.objectContaining({ problem: "domain_lost", subject: "lost.example" }),
    });
  });
});
