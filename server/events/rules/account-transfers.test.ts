import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents, memberships } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DAY_MS } from "@/lib/time";
import { runTransferExpiryJob } from "../../account-transfers/expire-transfers-job";
import { fixedClock } from "../../clock";
import { transferTeams } from "../../testing/transfer-teams";
import type { DispatchedEvent, NotificationDraft } from "../event-rule";
import { accountTransferRules } from "./account-transfers";

const database = setUpTestDatabase();
const db = (): Database => database.handle.db;
const clock = fixedClock("2026-05-04T08:00:00Z");
let tags = 0;

/** What the rules make of every account transfer event written to either team's log, in order. */
async function notificationsFrom(teamIds: string[]): Promise<NotificationDraft[]> {
  const drafts: NotificationDraft[] = [];
  for (const teamId of teamIds) {
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), like(auditEvents.action, "account_transfer.%")))
      .orderBy(auditEvents.seq);
    for (const event of events) {
      const rule = accountTransferRules.find((r) => r.action === event.action);
      if (!rule) continue;
      const dispatched: DispatchedEvent = { ...event, before: event.before, after: event.after };
      drafts.push(...(await db().transaction((tx) => rule.notify(tx, dispatched))));
    }
  }
  return drafts;
}

describe("notifications of account transfers", () => {
  it("ask the managers of each team that must approve, once each, linking to where they answer, and never the person asking", async () => {
    const w = await transferTeams(db(), clock, `Note${++tags}`);
    await w.requireApproval(w.fromTeamId, { out: true });
    await w.requireApproval(w.toTeamId, { in: true });
    // A manager moving out is not asked to answer their own request.
    await db().update(memberships).set({ role: "manager" }).where(eq(memberships.id, w.moverMembershipId));
    await w.as(w.people.mover).accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });

    const drafts = await notificationsFrom([w.fromTeamId, w.toTeamId]);
    const recipients = (teamId: string) =>
      drafts
        .filter((d) => d.teamId === teamId)
        .map((d) => d.accountId)
        .sort();
    expect(drafts.every((d) => d.kind === "account_transfer_request")).toBe(true);
    expect(recipients(w.fromTeamId)).toEqual([w.people.fromOwner.accountId, w.people.fromManager.accountId].sort());
    expect(recipients(w.toTeamId)).toEqual([w.people.toOwner.accountId, w.people.toManager.accountId].sort());
    expect(drafts.find((d) => d.teamId === w.toTeamId)).toMatchObject({
      link: `/teams/${w.toTeamId}/users/transfers`,
      params: { email: w.people.mover.email, direction: "in", fromTeam: w.fromName, toTeam: w.toName, days: 14 },
    });
    expect(drafts.find((d) => d.teamId === w.fromTeamId)?.params.direction).toBe("out");
  });

  it("tell the person once of each answer, of the move with what became of their licence, and of a denial's reason", async () => {
    const w = await transferTeams(db(), clock, `Note${++tags}`);
    await w.requireApproval(w.fromTeamId, { out: true });
    await w.requireApproval(w.toTeamId, { in: true });
    await w.setSeats(w.toTeamId, 1);
    const mover = w.as(w.people.mover);
    const first = await mover.accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });
    await w
      .as(w.people.toManager)
      .accountTransfers.answer({ teamId: w.toTeamId, transferId: first.id, answer: "allow" });
    await w.as(w.people.fromOwner).accountTransfers.answer({
      teamId: w.fromTeamId,
      transferId: first.id,
      answer: "deny",
      reason: "Busy season",
    });
    const second = await mover.accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });
    await w
      .as(w.people.toManager)
      .accountTransfers.answer({ teamId: w.toTeamId, transferId: second.id, answer: "allow" });
    await w
      .as(w.people.fromOwner)
      .accountTransfers.answer({ teamId: w.fromTeamId, transferId: second.id, answer: "allow" });

    const toPerson = (await notificationsFrom([w.fromTeamId, w.toTeamId])).filter(
      (d) => d.kind === "account_transfer_answer",
    );
    expect(toPerson.every((d) => d.accountId === w.people.mover.accountId)).toBe(true);
    // Each answer from the copy in the answering team's log, the move from the copy in the team joined's.
    expect(toPerson.map((d) => [d.params.outcome, d.params.team, d.link])).toEqual([
      ["denied", w.fromName, "/profile"],
      ["allowed", w.fromName, "/profile"],
      ["allowed", w.toName, "/profile"],
      ["allowed", w.toName, "/profile"],
      ["completed", w.toName, `/teams/${w.toTeamId}/home`],
    ]);
    expect(toPerson.find((d) => d.params.outcome === "denied")?.params).toMatchObject({
      hasReason: "yes",
      reason: "Busy season",
    });
    expect(toPerson.find((d) => d.params.outcome === "completed")?.params).toMatchObject({ licence: "noSeatFree" });
  });

  it("tell the person when their request expired", async () => {
    const w = await transferTeams(db(), clock, `Note${++tags}`);
    await w.requireApproval(w.toTeamId, { in: true });
    await w.as(w.people.mover).accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });
    const later = fixedClock(new Date(clock.now().getTime() + 15 * DAY_MS));
    await runTransferExpiryJob(db(), later);
    const toPerson = (await notificationsFrom([w.fromTeamId, w.toTeamId])).filter(
      (d) => d.kind === "account_transfer_answer",
    );
    expect(toPerson).toEqual([
      {
        accountId: w.people.mover.accountId,
        kind: "account_transfer_answer",
        teamId: w.toTeamId,
        params: { outcome: "expired", team: w.toName, fromTeam: w.fromName, toTeam: w.toName, days: 14 },
        link: "/profile",
      },
    ]);
  });
});
