import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, memberships } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { noRequest, systemActor } from "../actor";
import { confirmChange, previewChange } from "../billing/change-subscription";
import { newAccount, refusalOf, teamWithContract } from "../billing/test-support";
import { fixedClock } from "../clock";
import type { DispatchedEvent } from "../events/event-rule";
import { connectUsageRules } from "../events/rules/connect-usage";
import { handleUsageReport } from "./usage-endpoint";
import { resumeFlowsInNewMonth } from "./usage-limits";
import { connectUsageOverview } from "./usage-overview";
import { issueConnectUsageToken } from "./usage-token";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const operator = (clock = fixedClock("2026-03-01T00:00:00Z")) => ({
  actor: systemActor("Connect usage token command"),
  clock,
  request: noRequest,
});

/** A Connect Pro team (10 flows, 50,000 API requests a month) and its metering token. */
async function connectTeam(at = "2026-03-01T08:00:00Z") {
  const team = await teamWithContract(db(), { at, planCode: "connect-pro" });
  const { token } = await issueConnectUsageToken(db(), operator(team.clock), team.teamId);
  const report = (body: unknown, headers: Record<string, string> = {}) =>
    handleUsageReport(
      db(),
      team.clock,
      new Request("http://localhost/api/connect/usage", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      }),
    );
  const day = (day: string, requests: number, activeFlows = 4) => ({ usage: [{ day, activeFlows, requests }] });
  return { ...team, token, report, day };
}

async function eventsOf(teamId: string, action: string) {
  return db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.action, action)))
    .orderBy(auditEvents.seq);
}

describe("reporting Claris Connect usage", () => {
  it("takes a team's daily figures with its usage token, and the same report twice changes nothing", async () => {
    const team = await connectTeam();
    const first = await team.report({
      usage: [
        { day: "2026-02-27", activeFlows: 3, requests: 9_000 },
        { day: "2026-03-01", activeFlows: 4, requests: 1_200 },
      ],
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      accepted: 2,
      requestsThisMonth: 1_200,
      requestLimit: 50_000,
      flowsSuspended: false,
    });
    const again = await team.report(team.day("2026-03-01", 1_200));
    expect((await again.json()).requestsThisMonth).toBe(1_200);

    const overview = await connectUsageOverview(db(), team.teamId, team.clock.now());
    expect(overview.flows).toEqual({ used: 4, limit: 10 });
    expect(overview.requests).toMatchObject({ used: 1_200, limit: 50_000, warnAt: 40_000 });
    expect(overview.months).toHaveLength(12);
    expect(overview.months.at(-2)).toEqual({ month: "2026-02", requests: 9_000 });
    expect(overview.months.at(-1)).toEqual({ month: "2026-03", requests: 1_200 });
  });

  it("refuses a report without a known token, of another type, or with figures to fix, saying what is wrong", async () => {
    const team = await connectTeam();
    const unknown = await team.report(team.day("2026-03-01", 1), { authorization: "Bearer ccusage_not-a-real-token" });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain("Bearer");
    expect((await team.report(team.day("2026-03-01", 1), { "content-type": "text/plain" })).status).toBe(415);

    const negative = await team.report(team.day("2026-03-01", -5));
    expect(negative.status).toBe(400);
    expect((await negative.json()).errors[0].field).toBe("usage.0.requests");
    const future = await team.report(team.day("2026-03-02", 5));
    expect((await future.json()).detail).toBe("2026-03-02 is in the future.");
    const unexpected = await team.report({ usage: [{ day: "2026-03-01", activeFlows: 1, requests: 1, steps: 2 }] });
    expect(unexpected.status).toBe(400);
    // Nothing of a refused report was kept.
    expect((await connectUsageOverview(db(), team.teamId, team.clock.now())).requests.used).toBe(0);
  });

  it("gives usage tokens only to Claris Connect teams, and a new token ends the old one", async () => {
    const fileMaker = await teamWithContract(db(), { at: "2026-03-01T08:00:00Z" });
    expect((await refusalOf(issueConnectUsageToken(db(), operator(), fileMaker.teamId))).message).toBe(
      "FileMaker Cloud teams have no usage reporting.",
    );
    const team = await connectTeam();
    await issueConnectUsageToken(db(), operator(team.clock), team.teamId);
    expect((await team.report(team.day("2026-03-01", 1))).status).toBe(401);
  });
});

describe("Claris Connect usage limits", () => {
  it("warns managers once at 80 %, and at 100 % suspends the team's flows until an upgrade lifts it at once", async () => {
    const team = await connectTeam();
    const manager = await newAccount(db(), "manager");
    await db().insert(memberships).values({
      teamId: team.teamId,
      accountId: manager.id,
      role: "manager",
      status: "active",
      createdAt: team.clock.now(),
      updatedAt: team.clock.now(),
    });

    await team.report(team.day("2026-03-01", 39_999));
    expect(await eventsOf(team.teamId, "connect.usage_warning")).toHaveLength(0);
    team.clock.set("2026-03-02T08:00:00Z");
    await team.report(team.day("2026-03-02", 1));
    await team.report(team.day("2026-03-02", 2_000));
    const [warning] = await eventsOf(team.teamId, "connect.usage_warning");
    expect(warning?.after).toEqual({ month: "2026-03", requests: 40_000, requestLimit: 50_000, percent: 80 });
    expect(await eventsOf(team.teamId, "connect.usage_warning")).toHaveLength(1);

    const warningRule = connectUsageRules.find((rule) => rule.action === "connect.usage_warning")!;
    const notified = await db().transaction((tx) => warningRule.notify(tx, warning as DispatchedEvent));
    expect(notified.map((n) => n.accountId).sort()).toEqual([team.owner.id, manager.id].sort());
    expect(notified[0]).toMatchObject({ kind: "connect_usage_warning", link: `/teams/${team.teamId}/home` });

    team.clock.set("2026-03-20T08:00:00Z");
    const reached = await team.report(team.day("2026-03-20", 8_001));
    expect(await reached.json()).toMatchObject({ requestsThisMonth: 50_000, flowsSuspended: true });
    const [suspended] = await eventsOf(team.teamId, "connect.flows_suspended");
    expect(suspended).toMatchObject({ actorLabel: "Claris Connect metering" });
    const suspendedRule = connectUsageRules.find((rule) => rule.action === "connect.flows_suspended")!;
    const told = await db().transaction((tx) => suspendedRule.notify(tx, suspended as DispatchedEvent));
    expect(told[0]).toMatchObject({ kind: "connect_flows_suspended", link: `/teams/${team.teamId}/subscription` });
    expect((await connectUsageOverview(db(), team.teamId, team.clock.now())).flowsSuspendedSince).toEqual(
      new Date("2026-03-20T08:00:00Z"),
    );

    // The owner adds 10,000 API requests a month: the flows run again in the same moment.
    const change = { extraRequests: 10_000 };
    const shown = await previewChange(db(), team.ctx, team.teamId, change);
    await confirmChange(db(), team.ctx, {
      teamId: team.teamId,
      idempotencyKey: shown.idempotencyKey,
      expectedVersion: shown.version,
      expectedTotalCents: shown.quote.totalCents,
      change,
    });
    expect((await connectUsageOverview(db(), team.teamId, team.clock.now())).flowsSuspendedSince).toBeNull();
    const [resumed] = await eventsOf(team.teamId, "connect.flows_resumed");
    expect(resumed).toMatchObject({ actorId: team.owner.id, after: { reason: "upgrade", requestLimit: 60_000 } });

    // The new limit warns and suspends again when it is reached too.
    await team.report(team.day("2026-03-20", 18_001));
    expect(await eventsOf(team.teamId, "connect.flows_suspended")).toHaveLength(2);
  });

  it("resumes suspended flows when the next month begins, once however often the job runs", async () => {
    const team = await connectTeam("2026-04-01T08:00:00Z");
    team.clock.set("2026-04-28T08:00:00Z");
    await team.report(team.day("2026-04-28", 50_000));
    expect((await connectUsageOverview(db(), team.teamId, team.clock.now())).flowsSuspendedSince).not.toBeNull();

    await resumeFlowsInNewMonth(db(), fixedClock("2026-04-30T23:59:00Z"));
    expect(await eventsOf(team.teamId, "connect.flows_resumed")).toHaveLength(0);
    const may = fixedClock("2026-05-01T00:00:05Z");
    await Promise.all([resumeFlowsInNewMonth(db(), may), resumeFlowsInNewMonth(db(), may)]);
    const resumed = await eventsOf(team.teamId, "connect.flows_resumed");
    expect(resumed).toHaveLength(1);
    expect(resumed[0]).toMatchObject({ after: { reason: "new_month", month: "2026-05" } });
    expect((await connectUsageOverview(db(), team.teamId, may.now())).flowsSuspendedSince).toBeNull();
  });

  it(raceTest("raises each alert once when reports arrive at the same moment"), async () => {
    const team = await connectTeam();
    await Promise.all([
      team.report({
        usage: [
          { day: "2026-02-28", activeFlows: 1, requests: 10 },
          { day: "2026-03-01", activeFlows: 1, requests: 50_000 },
        ],
      }),
      team.report(team.day("2026-03-01", 50_000)),
      team.report(team.day("2026-03-01", 50_000)),
    ]);
    expect(await eventsOf(team.teamId, "connect.usage_warning")).toHaveLength(1);
    expect(await eventsOf(team.teamId, "connect.flows_suspended")).toHaveLength(1);
  });
});
