import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accounts, accountTransfers, auditEvents, groupMemberships, groups, memberships, teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DAY_MS } from "@/lib/time";
import { noRequest } from "../actor";
import { verifyAuditChain } from "../audit/verify-chain";
import { runPurgeJob } from "../billing/purge-job";
import { fixedClock } from "../clock";
import { refusal } from "../testing/refusal";
import { transferTeams } from "../testing/transfer-teams";
import { answerAccountTransfer } from "./answer-transfer";
import { runTransferExpiryJob } from "./expire-transfers-job";
import { TRANSFER_REQUESTS } from "./transfer-rules";

const database = setUpTestDatabase();
const db = (): Database => database.handle.db;
const clock = fixedClock("2026-04-01T09:00:00Z");
let tags = 0;
const world = () => transferTeams(db(), clock, `Move${++tags}`);

const membershipIn = async (teamId: string, accountId: string) =>
  (
    await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.teamId, teamId), eq(memberships.accountId, accountId)))
  )[0];
const transferRow = async (id: string) =>
  (await db().select().from(accountTransfers).where(eq(accountTransfers.id, id)))[0]!;
const actionsIn = async (teamId: string, transferOrTarget?: string) =>
  (
    await db()
      .select({ action: auditEvents.action, targetId: auditEvents.targetId })
      .from(auditEvents)
      .where(eq(auditEvents.teamId, teamId))
      .orderBy(auditEvents.seq)
  )
    .filter((e) => e.action.startsWith("account_transfer.") && (!transferOrTarget || e.targetId === transferOrTarget))
    .map((e) => e.action);

describe("sending a transfer request", () => {
  it("refuses, saying what to fix, a missing, malformed, unknown or own Team ID, another product's team, and a team the person is not in", async () => {
    const w = await world();
    const mover = w.as(w.people.mover);
    const send = (toTeamId: string, fromTeamId = w.fromTeamId) =>
      refusal(mover.accountTransfers.request({ fromTeamId, toTeamId }));

    expect((await send("  ")).message).toBe(
      "Type the Team ID of the team you want to join. A manager of that team finds it on its Subscription page.",
    );
    expect((await send("Kramerica")).message).toMatch(/^This is not a Team ID\. A Team ID has 36 characters/);
    const unknown = await send(randomUUID());
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toBe(
      "No team has this Team ID. Check it with a manager of the team you want to join: it is on their Subscription page.",
    );
    expect((await send(w.fromTeamId)).message).toBe(
      `This is the Team ID of ${w.fromName}, the team you move from. Type the Team ID of the team you want to join.`,
    );
    // Another product's team is named by its product only.
    const otherProduct = await send(w.connectTeamId);
    expect(otherProduct.message).toBe(
      "This Team ID belongs to a Claris Connect team. You can move only between FileMaker Cloud teams; ask a manager of the other team to invite you instead.",
    );
    expect((await send(w.fromTeamId, w.toTeamId)).message).toBe(
      "You are not an active member of the team you chose to move from; reload the page and choose again.",
    );
    expect(
      await db().select().from(accountTransfers).where(eq(accountTransfers.accountId, w.people.mover.accountId)),
    ).toEqual([]);
  });

  it("refuses the owner of the team left, a person deactivated there, someone already in the team joined, and a second open request", async () => {
    const w = await world();
    await w.requireApproval(w.toTeamId, { in: true });
    const owner = await refusal(
      w.as(w.people.fromOwner).accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId }),
    );
    expect(owner.code).toBe("FORBIDDEN");
    expect(owner.message).toBe(
      `You own ${w.fromName}, so you cannot move from it. Transfer its ownership to another member on the Users page first.`,
    );

    await db().update(memberships).set({ status: "deactivated" }).where(eq(memberships.id, w.moverMembershipId));
    expect(
      (await refusal(w.as(w.people.mover).accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId })))
        .message,
    ).toBe(
      `Your account is deactivated in ${w.fromName}, so you cannot move from it. Ask a manager of ${w.fromName} to reactivate it first.`,
    );
    await db().update(memberships).set({ status: "active" }).where(eq(memberships.id, w.moverMembershipId));

    // The manager of the team joined, once also in the first team, cannot "move" to where they are.
    await db()
      .insert(memberships)
      .values({ teamId: w.fromTeamId, accountId: w.people.toManager.accountId, role: "member" });
    expect(
      (
        await refusal(
          w.as(w.people.toManager).accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId }),
        )
      ).message,
    ).toBe("You are already a member of this team.");

    const mover = w.as(w.people.mover);
    const first = await mover.accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: ` ${w.toTeamId} ` });
    expect(first.status).toBe("pending");
    const second = await refusal(mover.accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId }));
    expect(second.code).toBe("CONFLICT");
    expect(second.message).toBe(
      "You already have a transfer request waiting. Cancel it on your Profile before you send another.",
    );
  });

  it("allows ten attempts an hour per account, refused ones included", async () => {
    const w = await world();
    const mover = w.as(w.people.mover);
    for (let i = 0; i < TRANSFER_REQUESTS.limit; i++) {
      await refusal(mover.accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: randomUUID() }));
    }
    const limited = await refusal(mover.accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/^Too many transfer requests from your account\. Try again after/);
    clock.advance(60 * 60 * 1000);
  });
});

describe("a transfer no team needs to approve", () => {
  it("moves the person at once: out of the team left and its groups, into the team joined with their licence, managed there, recorded in both logs", async () => {
    const w = await world();
    await db().update(accounts).set({ managedByTeamId: w.fromTeamId }).where(eq(accounts.id, w.people.mover.accountId));
    const [group] = await db().insert(groups).values({ teamId: w.fromTeamId, name: "Warehouse" }).returning();
    await db()
      .insert(groupMemberships)
      .values({ teamId: w.fromTeamId, groupId: group!.id, membershipId: w.moverMembershipId });

    const result = await w
      .as(w.people.mover)
      .accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });

    expect(result).toMatchObject({ status: "completed", licensedOnArrival: true });
    expect(await membershipIn(w.fromTeamId, w.people.mover.accountId)).toBeUndefined();
    expect(await db().select().from(groupMemberships).where(eq(groupMemberships.groupId, group!.id))).toEqual([]);
    expect(await membershipIn(w.toTeamId, w.people.mover.accountId)).toMatchObject({
      role: "member",
      licensed: true,
      status: "active",
    });
    const [account] = await db().select().from(accounts).where(eq(accounts.id, w.people.mover.accountId));
    expect(account!.managedByTeamId).toBe(w.toTeamId);
    for (const teamId of [w.fromTeamId, w.toTeamId]) {
      expect(await actionsIn(teamId)).toEqual(["account_transfer.requested", "account_transfer.completed"]);
      expect(await verifyAuditChain(db(), teamId)).toMatchObject({ valid: true });
    }
    const mine = await w.as(w.people.mover).accountTransfers.mine();
    expect(mine.latest).toMatchObject({ status: "completed", toTeamName: w.toName, licensedOnArrival: true });
    expect(mine.sources.map((s) => s.name)).toEqual([w.toName, w.connectName]);
  });

  it("leaves an account that a third team manages with that team", async () => {
    const w = await world();
    await db()
      .update(accounts)
      .set({ managedByTeamId: w.connectTeamId })
      .where(eq(accounts.id, w.people.mover.accountId));
    await w.as(w.people.mover).accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });
    const [account] = await db().select().from(accounts).where(eq(accounts.id, w.people.mover.accountId));
    expect(account!.managedByTeamId).toBe(w.connectTeamId);
  });
});

describe("a transfer both teams must approve", () => {
  it("waits for both: one Allow is not enough, the second moves the person, who joins without a licence when no seat is free", async () => {
    const w = await world();
    await w.requireApproval(w.fromTeamId, { out: true });
    await w.requireApproval(w.toTeamId, { in: true });
    // The team joined has one seat, and its manager holds it.
    await w.setSeats(w.toTeamId, 1);
    const { id } = await w
      .as(w.people.mover)
      .accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });

    const waitingIn = await w.as(w.people.toManager).accountTransfers.waiting({ teamId: w.toTeamId });
    expect(waitingIn).toEqual([
      expect.objectContaining({
        id,
        email: w.people.mover.email,
        side: "in",
        otherTeamName: w.fromName,
        otherSide: "waiting",
      }),
    ]);
    expect(
      await w.as(w.people.toManager).accountTransfers.answer({ teamId: w.toTeamId, transferId: id, answer: "allow" }),
    ).toEqual({
      status: "pending",
    });
    expect(await membershipIn(w.toTeamId, w.people.mover.accountId)).toBeUndefined();
    expect((await w.as(w.people.fromManager).accountTransfers.waiting({ teamId: w.fromTeamId }))[0]).toMatchObject({
      side: "out",
      otherSide: "allowed",
      allowedHere: false,
    });

    expect(
      await w
        .as(w.people.fromManager)
        .accountTransfers.answer({ teamId: w.fromTeamId, transferId: id, answer: "allow" }),
    ).toEqual({ status: "completed" });
    expect(await membershipIn(w.fromTeamId, w.people.mover.accountId)).toBeUndefined();
    expect(await membershipIn(w.toTeamId, w.people.mover.accountId)).toMatchObject({ licensed: false, role: "member" });
    expect(await transferRow(id)).toMatchObject({ status: "completed", licensedOnArrival: false });
    expect(await actionsIn(w.toTeamId, id)).toEqual([
      "account_transfer.requested",
      "account_transfer.allowed",
      "account_transfer.allowed",
    ]);
    expect(await w.as(w.people.toManager).accountTransfers.waiting({ teamId: w.toTeamId })).toEqual([]);
  });

  it("takes a seat for the licence the person held when one is free", async () => {
    const w = await world();
    await w.requireApproval(w.toTeamId, { in: true });
    const { id } = await w
      .as(w.people.mover)
      .accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });
    await w.as(w.people.toOwner).accountTransfers.answer({ teamId: w.toTeamId, transferId: id, answer: "allow" });
    expect(await membershipIn(w.toTeamId, w.people.mover.accountId)).toMatchObject({ licensed: true });
  });

  it("ends at a Deny from either side: nothing moves and a later Allow is refused", async () => {
    const w = await world();
    await w.requireApproval(w.fromTeamId, { out: true });
    await w.requireApproval(w.toTeamId, { in: true });
    const { id } = await w
      .as(w.people.mover)
      .accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });
    await w.as(w.people.toManager).accountTransfers.answer({ teamId: w.toTeamId, transferId: id, answer: "allow" });
    expect(
      await w.as(w.people.fromManager).accountTransfers.answer({
        teamId: w.fromTeamId,
        transferId: id,
        answer: "deny",
        reason: "  Needed here until June  ",
      }),
    ).toEqual({ status: "denied" });
    expect(await transferRow(id)).toMatchObject({
      status: "denied",
      deniedSide: "out",
      denyReason: "Needed here until June",
    });
    expect(await membershipIn(w.fromTeamId, w.people.mover.accountId)).toMatchObject({ status: "active" });
    expect(await membershipIn(w.toTeamId, w.people.mover.accountId)).toBeUndefined();
    const late = await refusal(
      w.as(w.people.fromOwner).accountTransfers.answer({ teamId: w.fromTeamId, transferId: id, answer: "allow" }),
    );
    expect(late.code).toBe("CONFLICT");
    expect(late.message).toBe("This transfer request was already denied; reload the page.");
    expect((await w.as(w.people.mover).accountTransfers.mine()).latest).toMatchObject({
      status: "denied",
      deniedSide: "out",
    });
  });

  it("is answered only by managers of a team that must approve it, never by the person themself or a support session", async () => {
    const w = await world();
    await w.requireApproval(w.toTeamId, { in: true });
    await db().update(memberships).set({ role: "manager" }).where(eq(memberships.id, w.moverMembershipId));
    const mover = w.as(w.people.mover);
    const first = await mover.accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });
    // The team left need not approve: to its managers the request does not exist.
    const notTheirs = await refusal(
      w.as(w.people.fromOwner).accountTransfers.answer({ teamId: w.fromTeamId, transferId: first.id, answer: "allow" }),
    );
    expect(notTheirs.code).toBe("NOT_FOUND");
    expect(await w.as(w.people.fromOwner).accountTransfers.waiting({ teamId: w.fromTeamId })).toEqual([]);
    await mover.accountTransfers.cancel({ transferId: first.id });

    await w.requireApproval(w.fromTeamId, { out: true });
    const { id } = await mover.accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });
    const own = await refusal(mover.accountTransfers.answer({ teamId: w.fromTeamId, transferId: id, answer: "allow" }));
    expect(own.code).toBe("FORBIDDEN");
    expect(own.message).toBe("You cannot answer your own transfer request; another manager of the team must.");
    const support = answerAccountTransfer(
      db(),
      {
        actor: {
          kind: "support",
          staffId: randomUUID(),
          accountId: randomUUID(),
          email: "s@console.example",
          teamId: w.toTeamId,
          supportSessionId: randomUUID(),
        },
        clock,
        request: noRequest,
      },
      { teamId: w.toTeamId, transferId: id, answer: "allow" },
    );
    await expect(support).rejects.toMatchObject({ code: "READ_ONLY" });
    expect(await transferRow(id)).toMatchObject({ status: "pending", outAllowedAt: null, inAllowedAt: null });
  });
});

describe("cancelling and expiry", () => {
  it("lets the person cancel a waiting request, after which managers can no longer answer it", async () => {
    const w = await world();
    await w.requireApproval(w.toTeamId, { in: true });
    const mover = w.as(w.people.mover);
    const { id } = await mover.accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });
    expect((await refusal(w.as(w.people.toManager).accountTransfers.cancel({ transferId: id }))).message).toBe(
      "This transfer request is not yours; reload the page.",
    );
    await mover.accountTransfers.cancel({ transferId: id });
    expect(await transferRow(id)).toMatchObject({ status: "cancelled" });
    expect(
      (
        await refusal(
          w.as(w.people.toManager).accountTransfers.answer({ teamId: w.toTeamId, transferId: id, answer: "allow" }),
        )
      ).message,
    ).toBe("This transfer request was already cancelled; reload the page.");
    expect(await actionsIn(w.fromTeamId, id)).toEqual(["account_transfer.requested", "account_transfer.cancelled"]);
    // A cancelled request makes way for a new one.
    expect((await mover.accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId })).status).toBe(
      "pending",
    );
  });

  it("ends requests nobody answered within 14 days, once, however often the job runs, and refuses answers after that", async () => {
    const w = await world();
    const start = clock.now();
    await w.requireApproval(w.toTeamId, { in: true });
    const { id } = await w
      .as(w.people.mover)
      .accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });

    clock.set(new Date(start.getTime() + 14 * DAY_MS - 1000));
    await runTransferExpiryJob(db(), clock);
    expect(await transferRow(id)).toMatchObject({ status: "pending" });

    clock.set(new Date(start.getTime() + 14 * DAY_MS));
    const late = await refusal(
      w.as(w.people.toManager).accountTransfers.answer({ teamId: w.toTeamId, transferId: id, answer: "allow" }),
    );
    expect(late.message).toMatch(/^This transfer request expired on /);
    const [first, second] = [await runTransferExpiryJob(db(), clock), await runTransferExpiryJob(db(), clock)];
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(second).toEqual({ expired: 0 });
    expect(await transferRow(id)).toMatchObject({ status: "expired" });
    for (const teamId of [w.fromTeamId, w.toTeamId]) {
      expect(await actionsIn(teamId, id)).toEqual(["account_transfer.requested", "account_transfer.expired"]);
    }
    expect(await membershipIn(w.fromTeamId, w.people.mover.accountId)).toMatchObject({ status: "active" });
    clock.set(start);
  });
});

describe("the team's approvals in Settings", () => {
  it("are saved and audited as a settings change, and only what changed is recorded", async () => {
    const w = await world();
    const manager = w.as(w.people.toManager);
    await manager.settings.updateTransferApprovals({
      teamId: w.toTeamId,
      transferInRequiresApproval: true,
      transferOutRequiresApproval: false,
    });
    const settings = await manager.settings.get({ teamId: w.toTeamId });
    expect(settings).toMatchObject({ transferInRequiresApproval: true, transferOutRequiresApproval: false });
    const events = await db()
      .select({ before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, w.toTeamId), inArray(auditEvents.action, ["settings.updated"])));
    expect(events).toEqual([
      { before: { transferInRequiresApproval: false }, after: { transferInRequiresApproval: true } },
    ]);
  });
});

describe("the retention purge", () => {
  it("deletes a purged team's transfer requests, into it and out of it", async () => {
    const w = await world();
    await w.requireApproval(w.toTeamId, { in: true });
    await w.requireApproval(w.fromTeamId, { in: true });
    const into = await w
      .as(w.people.mover)
      .accountTransfers.request({ fromTeamId: w.fromTeamId, toTeamId: w.toTeamId });
    const outOf = await w
      .as(w.people.toManager)
      .accountTransfers.request({ fromTeamId: w.toTeamId, toTeamId: w.fromTeamId });
    await db()
      .update(teams)
      .set({ status: "terminated", terminatedAt: new Date(clock.now().getTime() - 46 * DAY_MS) })
      .where(eq(teams.id, w.toTeamId));

    await runPurgeJob(db(), clock);

    expect(
      await db()
        .select()
        .from(accountTransfers)
        .where(inArray(accountTransfers.id, [into.id, outOf.id])),
    ).toEqual([]);
  });
});
