import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accountTransfers, auditEvents, memberships } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { verifyAuditChain } from "../audit/verify-chain";
import { fixedClock } from "../clock";
import { transferTeams } from "../testing/transfer-teams";

const database = setUpTestDatabase();
const db = (): Database => database.handle.db;
const clock = fixedClock("2026-04-01T09:00:00Z");
let tags = 0;

const settled = (calls: Array<Promise<unknown>>) => Promise.allSettled(calls);
const statusOf = async (id: string) =>
  (await db().select({ status: accountTransfers.status }).from(accountTransfers).where(eq(accountTransfers.id, id)))[0]!
    .status;
const membershipsIn = async (teamId: string, accountId: string) =>
  (
    await db()
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.teamId, teamId), eq(memberships.accountId, accountId)))
  )[0]!.n;
const eventsIn = async (teamId: string, action: string) =>
  (
    await db()
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.action, action)))
  )[0]!.n;

describe("answers at the same moment", () => {
  it(raceTest("two teams allowing at once move the person exactly once"), async () => {
    const w = await transferTeams(db(), clock, `Race${++tags}`);
    await w.requireApproval(w.fromTeamId, { out: true });
    await w.requireApproval(w.toTeamId, { in: true });
    const { id } = await w
      .as(w.people.mover)
      .accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });

    const outcomes = await settled([
      w.as(w.people.fromManager).accountTransfers.answer({ teamId: w.fromTeamId, transferId: id, answer: "allow" }),
      w.as(w.people.toManager).accountTransfers.answer({ teamId: w.toTeamId, transferId: id, answer: "allow" }),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled"]);
    const statuses = outcomes.map((o) => (o as PromiseFulfilledResult<{ status: string }>).value.status).sort();
    expect(statuses).toEqual(["completed", "pending"]);
    expect(await statusOf(id)).toBe("completed");
    expect(await membershipsIn(w.fromTeamId, w.people.mover.accountId)).toBe(0);
    expect(await membershipsIn(w.toTeamId, w.people.mover.accountId)).toBe(1);
    for (const teamId of [w.fromTeamId, w.toTeamId]) {
      expect(await eventsIn(teamId, "account_transfer.completed")).toBe(1);
      expect(await verifyAuditChain(db(), teamId)).toMatchObject({ valid: true });
    }
  });

  it(raceTest("an Allow racing the person's cancellation ends in one of the two, never both"), async () => {
    const w = await transferTeams(db(), clock, `Race${++tags}`);
    await w.requireApproval(w.toTeamId, { in: true });
    const { id } = await w
      .as(w.people.mover)
      .accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });

    const [allow, cancel] = await settled([
      w.as(w.people.toManager).accountTransfers.answer({ teamId: w.toTeamId, transferId: id, answer: "allow" }),
      w.as(w.people.mover).accountTransfers.cancel({ transferId: id }),
    ]);

    const status = await statusOf(id);
    expect([allow!.status, cancel!.status].filter((s) => s === "fulfilled")).toHaveLength(1);
    if (status === "completed") {
      expect(allow!.status).toBe("fulfilled");
      expect(await membershipsIn(w.toTeamId, w.people.mover.accountId)).toBe(1);
      expect(await membershipsIn(w.fromTeamId, w.people.mover.accountId)).toBe(0);
    } else {
      expect(status).toBe("cancelled");
      expect(await membershipsIn(w.toTeamId, w.people.mover.accountId)).toBe(0);
      expect(await membershipsIn(w.fromTeamId, w.people.mover.accountId)).toBe(1);
    }
  });

  it(raceTest("two transfers between the same teams in opposite directions both complete"), async () => {
    const w = await transferTeams(db(), clock, `Race${++tags}`);
    // Each team's manager moves to the other team: both logs are written by both transfers at once.
    const outcomes = await settled([
      w.as(w.people.fromManager).accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId }),
      w.as(w.people.toManager).accountTransfers.request({ fromTeamId: w.toTeamId, toTeamId: w.fromTeamId }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await membershipsIn(w.toTeamId, w.people.fromManager.accountId)).toBe(1);
    expect(await membershipsIn(w.fromTeamId, w.people.toManager.accountId)).toBe(1);
    for (const teamId of [w.fromTeamId, w.toTeamId]) {
      expect(await verifyAuditChain(db(), teamId)).toMatchObject({ valid: true });
    }
  });
});
