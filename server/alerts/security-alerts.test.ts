import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accounts, auditEvents, mailOutbox, notifications, securityAlerts } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { type Actor, noRequest, systemActor } from "../actor";
import { type AuditEventInput, recordAudit } from "../audit/record-audit";
import { auditVerifyCommand } from "../audit/verify-command";
import { anchorAndVerify } from "../audit/verify-integrity";
import { beginSignIn } from "../auth/begin-sign-in";
import { recordSignInFailure, throttleKeys } from "../auth/throttle";
import { fixedClock } from "../clock";
import { dispatchEvents } from "../events/dispatch-events";
import { openMailContent } from "../mail/mail-content";
import { changeSettings } from "../settings/change-settings";
import { accountActor } from "../testing/callers";
import { demoTeamId, membershipOf } from "../testing/demo";
import { ADDRESS_FAILURE_THRESHOLD, ALERT_RULES, type AlertRule, TEAM_FAILURE_THRESHOLD } from "./alert-rules";
import { addressDigest } from "./failed-sign-ins";

const database = setUpTestDatabase();
const db = (): Database => database.handle.db;
const clock = fixedClock("2026-04-01T09:00:00Z");
const HOUR = 60 * 60 * 1000;
let acme = "";
let initech = "";
let owner: Actor;
let manager: Actor;

beforeAll(async () => {
  acme = await demoTeamId(db(), "Acme Corp");
  initech = await demoTeamId(db(), "Initech");
  owner = await accountActor(db(), "owner@acme.example", { mfaVerified: true });
  manager = await accountActor(db(), "manager@acme.example", { mfaVerified: true });
  // The demo's own events are handed on first, so each test sees only what it causes.
  await dispatchEvents(db(), clock);
});
beforeEach(async () => {
  clock.advance(2 * 24 * HOUR);
  await db().delete(securityAlerts).where(sql`true`);
});

async function record(event: Omit<AuditEventInput, "occurredAt" | "request">): Promise<void> {
  await db().transaction((tx) => recordAudit(tx, { ...event, occurredAt: clock.now(), request: noRequest }));
}

async function alertsOf(rule: AlertRule) {
  return db().select().from(securityAlerts).where(eq(securityAlerts.rule, rule));
}

async function ownerMailsAbout(teamId: string, alertId: string) {
  const [person] = await db().select().from(accounts).where(eq(accounts.email, "owner@acme.example"));
  const told = await db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.eventId, alertId), eq(notifications.kind, "security_alert")));
  const mails = await db()
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toAddress, person!.email), eq(mailOutbox.teamId, teamId)));
  return { told, person: person!, mails: mails.map((mail) => openMailContent(mail)) };
}

const staff: Actor = {
  kind: "support",
  staffId: randomUUID(),
  accountId: randomUUID(),
  email: "support@console.example",
  teamId: "",
  supportSessionId: randomUUID(),
};

/** Each rule with the change that raises it, written as its domain code writes it. */
const RAISED_BY_EVENTS: Array<[AlertRule, () => Promise<void>]> = [
  [
    "break_glass_support",
    () =>
      record({
        teamId: acme,
        actor: { ...staff, teamId: acme } as Actor,
        action: "support.session.started",
        target: { type: "support_session", id: randomUUID() },
        after: { reason: "Ticket 42", breakGlass: true, endsAt: clock.now().toISOString(), grantId: null },
      }),
  ],
  [
    "break_glass_sign_in",
    () =>
      record({
        teamId: acme,
        actor: manager,
        action: "account.break_glass_signed_in",
        target: { type: "account", id: (manager as { accountId: string }).accountId },
        after: { sessionId: randomUUID(), ip: "203.0.113.9" },
      }),
  ],
  [
    "two_step_disabled",
    () =>
      record({
        teamId: null,
        actor: manager,
        action: "account.two_step_disabled",
        target: { type: "account", id: (manager as { accountId: string }).accountId },
      }),
  ],
  [
    "team_two_step_requirement_off",
    async () => {
      const ctx = { actor: manager, clock, request: noRequest };
      await changeSettings(db(), ctx, acme, { mfaRequired: true });
      await changeSettings(db(), ctx, acme, { mfaRequired: false });
    },
  ],
  [
    "ownership_transferred",
    async () => {
      const from = await membershipOf(db(), acme, "owner@acme.example");
      const to = await membershipOf(db(), acme, "manager@acme.example");
      await record({
        teamId: acme,
        actor: manager,
        action: "ownership.transferred",
        target: { type: "membership", id: to!.id },
        before: { ownerMembershipId: from!.id, newOwnerRole: "manager" },
        after: { ownerMembershipId: to!.id, ownerEmail: "manager@acme.example", previousOwnerRole: "manager" },
      });
    },
  ],
  [
    "api_key_created",
    () =>
      record({
        teamId: acme,
        actor: manager,
        action: "api_key.created",
        target: { type: "api_key", id: randomUUID() },
        after: { name: "Payroll sync", prefix: "cc_live_abcd", scopes: ["members.read"], expiresAt: null },
      }),
  ],
  [
    "identity_provider_created",
    () =>
      record({
        teamId: acme,
        actor: manager,
        action: "identity_provider.created",
        target: { type: "identity_provider", id: randomUUID() },
        after: { kind: "oidc", name: "Okta", clientSecret: "(set)" },
      }),
  ],
];

describe("security alerts raised by audit events", () => {
  it.each(RAISED_BY_EVENTS)("%s fires once, with its severity, for the team of the event", async (rule, cause) => {
    await cause();
    await dispatchEvents(db(), clock);
    await dispatchEvents(db(), clock);
    const raised = await alertsOf(rule);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ teamId: acme, severity: ALERT_RULES[rule].severity, occurrences: 1 });
    expect(await db().select().from(securityAlerts)).toHaveLength(1);
    // Break-glass access mails and notifies the owner itself; its alert does not do it twice.
    const told = (await ownerMailsAbout(acme, raised[0]!.id)).told;
    expect(told).toHaveLength("ownerToldByItsChange" in ALERT_RULES[rule] ? 0 : 1);
  });

  it("tells the team's owner in the console and by mail, with no secrets", async () => {
    await RAISED_BY_EVENTS.find(([rule]) => rule === "api_key_created")![1]();
    await dispatchEvents(db(), clock);
    const [alert] = await alertsOf("api_key_created");
    const { told, person, mails } = await ownerMailsAbout(acme, alert!.id);
    expect(told).toEqual([
      expect.objectContaining({ accountId: person.id, teamId: acme, link: `/teams/${acme}/audit` }),
    ]);
    const mail = mails.find((m) => m.subject === "Acme Corp: API key created");
    expect(mail?.text).toContain("A new API key of Acme Corp can now call the Admin API");
    expect(mail?.text).toContain(`/teams/${acme}/audit`);
    expect(JSON.stringify(alert!.details)).not.toContain("cc_live_abcd");
  });

  it("counts a repeat within the window on the first alert and tells nobody again; after the window it raises anew", async () => {
    const create = RAISED_BY_EVENTS.find(([rule]) => rule === "api_key_created")![1];
    await create();
    await dispatchEvents(db(), clock);
    clock.advance(HOUR - 1000);
    await create();
    await dispatchEvents(db(), clock);
    const [first, ...others] = await alertsOf("api_key_created");
    expect(others).toEqual([]);
    expect(first).toMatchObject({ occurrences: 2, lastSeenAt: clock.now() });
    expect((await ownerMailsAbout(acme, first!.id)).told).toHaveLength(1);

    clock.advance(2000);
    await create();
    await dispatchEvents(db(), clock);
    expect((await alertsOf("api_key_created")).map((a) => a.occurrences).sort()).toEqual([1, 2]);
  });

  it("raises nothing for a two-step requirement switched on, or a support view with consent", async () => {
    await changeSettings(db(), { actor: manager, clock, request: noRequest }, acme, { mfaRequired: true });
    await record({
      teamId: acme,
      actor: { ...staff, teamId: acme } as Actor,
      action: "support.session.started",
      target: { type: "support_session", id: randomUUID() },
      after: { reason: "Ticket 43", breakGlass: false, endsAt: clock.now().toISOString(), grantId: randomUUID() },
    });
    await dispatchEvents(db(), clock);
    expect(await db().select().from(securityAlerts)).toEqual([]);
  });

  it("raises two-step turned off only for the teams the account owns or manages", async () => {
    const member = await accountActor(db(), "member@acme.example");
    await record({
      teamId: null,
      actor: member,
      action: "account.two_step_disabled",
      target: { type: "account", id: (member as { accountId: string }).accountId },
    });
    await record({
      teamId: null,
      actor: owner,
      action: "account.two_step_disabled",
      target: { type: "account", id: (owner as { accountId: string }).accountId },
    });
    await dispatchEvents(db(), clock);
    const raised = await alertsOf("two_step_disabled");
    const acmeConnect = await demoTeamId(db(), "Acme Connect");
    expect(raised.map((a) => a.teamId).sort()).toEqual([acme, acmeConnect].sort());
    expect(raised.every((a) => a.details.role === "owner")).toBe(true);
  });
});

describe("failed sign-ins", () => {
  it("a wrong password at sign-in counts towards the address's alert", async () => {
    for (let i = 0; i < ADDRESS_FAILURE_THRESHOLD - 1; i++) {
      await recordSignInFailure(db(), throttleKeys("member@acme.example", null), clock.now());
    }
    expect(await alertsOf("failed_sign_ins_address")).toEqual([]);
    await expect(
      beginSignIn(db(), { clock, request: noRequest }, { email: "Member@Acme.example", password: "wrong-password-1" }),
    ).rejects.toThrow();
    const [alert] = await alertsOf("failed_sign_ins_address");
    const member = await accountActor(db(), "member@acme.example");
    expect(alert).toMatchObject({
      teamId: null,
      severity: "medium",
      subject: `address:${addressDigest("member@acme.example")}`,
      details: { failures: ADDRESS_FAILURE_THRESHOLD, accountId: (member as { accountId: string }).accountId },
    });
    // A platform alert goes to the operator only: no owner is told.
    expect(await db().select().from(notifications).where(eq(notifications.eventId, alert!.id))).toEqual([]);
  });

  it("failures spread over a team's people raise one team alert; a new window raises none until the threshold again", async () => {
    const people = ["owner@acme.example", "manager@acme.example", "member@acme.example"];
    for (let i = 0; i < TEAM_FAILURE_THRESHOLD; i++) {
      await recordSignInFailure(db(), throttleKeys(people[i % people.length]!, "198.51.100.7"), clock.now());
    }
    const raised = await alertsOf("failed_sign_ins_team");
    expect(raised.map((a) => [a.teamId, a.occurrences])).toContainEqual([acme, 1]);
    expect(raised.find((a) => a.teamId === initech)).toBeUndefined();
    const acmeAlert = raised.find((a) => a.teamId === acme)!;
    expect(acmeAlert).toMatchObject({ severity: "high", details: { failures: TEAM_FAILURE_THRESHOLD } });
    expect(JSON.stringify(acmeAlert.details)).not.toContain("@");
    expect((await ownerMailsAbout(acme, acmeAlert.id)).told).toHaveLength(1);

    // Failures in a later window within the alert's hour cross the threshold again: counted, not told.
    clock.advance(20 * 60 * 1000);
    for (let i = 0; i < TEAM_FAILURE_THRESHOLD; i++) {
      await recordSignInFailure(db(), throttleKeys(people[i % people.length]!, null), clock.now());
    }
    const [again] = await db()
      .select()
      .from(securityAlerts)
      .where(and(eq(securityAlerts.rule, "failed_sign_ins_team"), eq(securityAlerts.teamId, acme)));
    expect(again).toMatchObject({ id: acmeAlert.id, occurrences: 2 });
  });

  it("an unknown address counts only for itself", async () => {
    for (let i = 0; i < ADDRESS_FAILURE_THRESHOLD; i++) {
      await recordSignInFailure(db(), throttleKeys("nobody@unknown.example", null), clock.now());
    }
    expect(await alertsOf("failed_sign_ins_address")).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ accountId: null }) }),
    ]);
    expect(await alertsOf("failed_sign_ins_team")).toEqual([]);
  });
});

describe("a broken audit chain", () => {
  it("raises one critical alert from the Verify integrity button and counts the command's check of it", async () => {
    await db().execute(sql.raw(`update audit_events set action = 'forged' where team_id = '${initech}' and seq = 1`));
    const report = await anchorAndVerify(db(), { actor: systemActor("Tests"), clock, request: noRequest }, initech);
    expect(report.intact).toBe(false);
    const outcome = await auditVerifyCommand(db(), ["--team", initech], undefined, clock);
    expect(outcome.status).toBe(1);
    const raised = await alertsOf("audit_chain_broken");
    expect(raised).toEqual([
      expect.objectContaining({
        teamId: initech,
        severity: "critical",
        occurrences: 2,
        details: expect.objectContaining({ brokenAt: 1, source: "console" }),
      }),
    ]);
    // No audit event records it: it would be appended to the chain that failed.
    const [head] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.teamId, initech));
    expect(head!.n).toBe(report.events);
  });

  it("an intact chain raises nothing", async () => {
    expect((await anchorAndVerify(db(), { actor: owner, clock, request: noRequest }, acme)).intact).toBe(true);
    expect(await alertsOf("audit_chain_broken")).toEqual([]);
  });
});
