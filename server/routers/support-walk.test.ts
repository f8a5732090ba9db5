import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, customApps, groups, hosts, supportSessions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { noRequest, systemActor } from "../actor";
import { fixedClock } from "../clock";
import { DEMO_IDENTITY_PROVIDER_ID } from "../demo/demo-sso";
import { checkPermission } from "../permissions";
import { removeStaff } from "../support/add-staff";
import { SUPPORT_SESSION_MAX_MS } from "../support/support-sessions";
import { demoTeamId, membershipOf } from "../testing/demo";
import { sampleOf } from "../testing/json-schema-arbitrary";
import { callProcedure, domainCodeOf, outcomeOf, routerProcedures } from "../testing/procedures";
import { browserCaller, openSupportView, signInDemo, signInDemoSupport } from "../testing/support-session";
import { createWebhookEndpoint } from "../webhooks/create-endpoint";

const database = setUpTestDatabase();
const clock = fixedClock(new Date());
const db = () => database.handle.db;
let acmeCorp = "";
let staffSessionId = "";

beforeAll(async () => {
  acmeCorp = await demoTeamId(db(), "Acme Corp");
  staffSessionId = await signInDemoSupport(db(), clock);
});

async function auditCount(action?: string): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.teamId, acmeCorp), action ? eq(auditEvents.action, action) : undefined));
  return row!.n;
}

async function sessionEnd(supportSessionId: string) {
  const [session] = await db().select().from(supportSessions).where(eq(supportSessions.id, supportSessionId));
  const [ended] = await db()
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "support.session.ended"), eq(auditEvents.targetId, supportSessionId)));
  return { endedAt: session!.endedAt, why: (ended?.after as { why?: string } | undefined)?.why };
}

/** Known real values for the inputs of Acme Corp's procedures. */
async function acmeFields() {
  const liam = await membershipOf(db(), acmeCorp, "liam.chen@acme.example");
  const [sales] = await db()
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.teamId, acmeCorp), eq(groups.name, "Sales")));
  const [invoices] = await db()
    .select({ id: customApps.id, hostId: customApps.hostId })
    .from(customApps)
    .innerJoin(hosts, eq(hosts.id, customApps.hostId))
    .where(and(eq(customApps.teamId, acmeCorp), eq(customApps.name, "Invoices")));
  const webhook = await createWebhookEndpoint(
    db(),
    { actor: systemActor("Support walk"), clock, request: noRequest },
    { teamId: acmeCorp, url: "https://93.184.215.14/support-walk", eventTypes: ["*"] },
  );
  return {
    teamId: acmeCorp,
    membershipId: liam!.id,
    membershipIds: [liam!.id],
    groupId: sales!.id,
    groupIds: [sales!.id],
    hostId: invoices!.hostId,
    customAppId: invoices!.id,
    identityProviderId: DEMO_IDENTITY_PROVIDER_ID,
    webhookEndpointId: webhook.id,
    password: DEMO_PASSWORD,
    currentPassword: DEMO_PASSWORD,
  };
}

describe("a support session reached the way a browser reaches it", () => {
  it("is refused every team mutation of the app router with the read-only code, and none of them writes", async () => {
    const view = await openSupportView(db(), clock, {
      teamId: acmeCorp,
      grantedBy: "manager@acme.example",
      staffSessionId,
    });
    const fields = await acmeFields();
    const mutations = routerProcedures().filter((p) => p.type === "mutation" && p.rule.gate === "team");
    expect(mutations.map((p) => p.path)).toContain("members.answerOwnershipTransfer");
    const before = await auditCount();
    const answers: string[] = [];
    for (const procedure of mutations) {
      const api = await browserCaller(db(), clock, {
        sessionId: staffSessionId,
        supportSessionId: view.supportSessionId,
      });
      const outcome = await outcomeOf(callProcedure(api, procedure.path, sampleOf(procedure.input!, fields)));
      answers.push(
        `${procedure.path}: ${outcome.ok ? "answered" : `${outcome.error.code} ${domainCodeOf(outcome.error)} ${outcome.error.message}`}`,
      );
    }
    expect(answers).toEqual(mutations.map((p) => `${p.path}: FORBIDDEN READ_ONLY Support sessions are read-only.`));
    expect(await auditCount()).toBe(before);
  });

  it("answers every team query or refuses it by permission, and records each answer as one support.viewed", async () => {
    const view = await openSupportView(db(), clock, {
      teamId: acmeCorp,
      grantedBy: "owner@acme.example",
      staffSessionId,
    });
    const fields = await acmeFields();
    const queries = routerProcedures().filter((p) => p.type === "query" && p.rule.gate === "team");
    const wrong: string[] = [];
    for (const procedure of queries) {
      if (procedure.rule.gate !== "team") continue;
      const api = await browserCaller(db(), clock, {
        sessionId: staffSessionId,
        supportSessionId: view.supportSessionId,
      });
      const viewsBefore = await auditCount("support.viewed");
      const outcome = await outcomeOf(callProcedure(api, procedure.path, sampleOf(procedure.input!, fields)));
      const verdict = checkPermission(procedure.rule.permission, { support: true }, "filemaker_cloud");
      const may = verdict.allowed;
      // A permission of another product is refused as such (412), before support's read-only rule.
      const refusal = !verdict.allowed && verdict.reason === "product" ? "PRECONDITION_FAILED" : "FORBIDDEN";
      const views = (await auditCount("support.viewed")) - viewsBefore;
      if (may && !(outcome.ok && views === 1))
        wrong.push(
          `${procedure.path} should answer with one view recorded; ${views} views, ${outcome.ok ? "answered" : outcome.error.message}`,
        );
      if (!may && (outcome.ok || outcome.error.code !== refusal || views !== 0))
        wrong.push(`${procedure.path} should be refused by permission`);
    }
    expect(wrong).toEqual([]);
    const [last] = await db()
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.teamId, acmeCorp),
          eq(auditEvents.action, "support.viewed"),
          eq(auditEvents.targetId, "teams.home"),
        ),
      );
    expect(last).toMatchObject({ actorType: "staff", actorLabel: "support@console.example", targetType: "procedure" });
  });

  it("is the staff member's own account everywhere outside the team it views", async () => {
    const view = await openSupportView(db(), clock, {
      teamId: acmeCorp,
      grantedBy: "manager@acme.example",
      staffSessionId,
    });
    const api = await browserCaller(db(), clock, {
      sessionId: staffSessionId,
      supportSessionId: view.supportSessionId,
    });
    expect((await api.account.me()).email).toBe("support@console.example");
    const other = await outcomeOf(api.teams.home({ teamId: await demoTeamId(db(), "Acme Connect") }));
    expect(other.ok ? "answered" : other.error.code).toBe("NOT_FOUND");
  });

  it("cannot be opened by plain support without a grant, not even by breaking the glass", async () => {
    const staff = await browserCaller(db(), clock, { sessionId: staffSessionId });
    const connect = await demoTeamId(db(), "Acme Connect");
    const attempt = await outcomeOf(
      staff.staffConsole.open({ teamId: connect, reason: "Platform outage INC-77, checking flows", breakGlass: true }),
    );
    expect(attempt.ok ? "opened" : [attempt.error.code, attempt.error.message]).toEqual([
      "FORBIDDEN",
      "Acme Connect has not granted support access. Ask the team's owner or a manager to grant it in Settings.",
    ]);
  });

  it("is closed to staff who signed in without two-step verification", async () => {
    const staff = await browserCaller(db(), clock, {
      sessionId: await signInDemo(db(), clock, "manager@acme.example"),
    });
    const attempt = await outcomeOf(staff.staffConsole.open({ teamId: acmeCorp, reason: "Ticket 1" }));
    expect(attempt.ok ? "opened" : attempt.error.message).toBe("This area is for support staff.");
  });
});

describe("a support session ends", () => {
  async function stillViewing(supportSessionId: string) {
    const api = await browserCaller(db(), clock, { sessionId: staffSessionId, supportSessionId });
    const outcome = await outcomeOf(api.members.list({ teamId: acmeCorp }));
    return outcome.ok ? "viewing" : outcome.error.code;
  }

  it("60 minutes after it opened, whatever the grant allows", async () => {
    const view = await openSupportView(db(), clock, {
      teamId: acmeCorp,
      grantedBy: "manager@acme.example",
      staffSessionId,
      hours: 48,
    });
    expect(view.endsAt.getTime() - clock.now().getTime()).toBe(SUPPORT_SESSION_MAX_MS);
    clock.advance(SUPPORT_SESSION_MAX_MS - 1000);
    expect(await stillViewing(view.supportSessionId)).toBe("viewing");
    clock.advance(1000);
    expect(await stillViewing(view.supportSessionId)).toBe("NOT_FOUND");
    expect(await sessionEnd(view.supportSessionId)).toEqual({ endedAt: clock.now(), why: "expired" });
  });

  it("when the grant it was opened under ends, before its 60 minutes are up", async () => {
    const manager = await browserCaller(db(), clock, {
      sessionId: await signInDemo(db(), clock, "manager@acme.example"),
    });
    for (const grant of await manager.supportAccess.list({ teamId: acmeCorp }))
      await manager.supportAccess.revoke({ teamId: acmeCorp, grantId: grant.id });
    const grant = await manager.supportAccess.grant({ teamId: acmeCorp, hours: 1 });
    clock.advance(40 * 60 * 1000);
    const staff = await browserCaller(db(), clock, { sessionId: staffSessionId });
    const session = await staff.staffConsole.open({ teamId: acmeCorp, reason: "Ticket 4712" });
    expect(session.endsAt).toEqual(grant.endsAt);
    clock.set(new Date(grant.endsAt.getTime() - 1000));
    expect(await stillViewing(session.id)).toBe("viewing");
    clock.set(grant.endsAt);
    expect(await stillViewing(session.id)).toBe("NOT_FOUND");
    expect(await sessionEnd(session.id)).toEqual({ endedAt: clock.now(), why: "grant_ended" });
  });

  it("at once when the team revokes the grant", async () => {
    const view = await openSupportView(db(), clock, {
      teamId: acmeCorp,
      grantedBy: "manager@acme.example",
      staffSessionId,
    });
    expect(await stillViewing(view.supportSessionId)).toBe("viewing");
    const owner = await browserCaller(db(), clock, { sessionId: await signInDemo(db(), clock, "owner@acme.example") });
    await owner.supportAccess.revoke({ teamId: acmeCorp, grantId: view.grantId });
    expect(await stillViewing(view.supportSessionId)).toBe("NOT_FOUND");
    expect(await sessionEnd(view.supportSessionId)).toEqual({ endedAt: clock.now(), why: "grant_ended" });
  });

  it("when the staff member loses staff rights", async () => {
    const view = await openSupportView(db(), clock, {
      teamId: acmeCorp,
      grantedBy: "manager@acme.example",
      staffSessionId,
    });
    expect(await stillViewing(view.supportSessionId)).toBe("viewing");
    await removeStaff(db(), { actor: systemActor("test"), clock, request: noRequest }, "support@console.example");
    expect(await stillViewing(view.supportSessionId)).toBe("NOT_FOUND");
    expect((await sessionEnd(view.supportSessionId)).endedAt).toEqual(clock.now());
    const staff = await browserCaller(db(), clock, { sessionId: staffSessionId });
    expect((await outcomeOf(staff.staffConsole.me())).ok).toBe(false);
  });
});

describe("a support grant", () => {
  it.each([
    [0, "BAD_REQUEST"],
    [1, "granted"],
    [168, "granted"],
    [169, "BAD_REQUEST"],
  ])("of %i hours is %s", async (hours, answer) => {
    const manager = await browserCaller(db(), clock, {
      sessionId: await signInDemo(db(), clock, "manager@acme.example"),
    });
    const outcome = await outcomeOf(manager.supportAccess.grant({ teamId: acmeCorp, hours }));
    expect(outcome.ok ? "granted" : outcome.error.code).toBe(answer);
    if (outcome.ok)
      expect((outcome.value as { endsAt: Date }).endsAt).toEqual(
        new Date(clock.now().getTime() + hours * 60 * 60 * 1000),
      );
  });
});
