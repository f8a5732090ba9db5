import { eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { auditEvents, eventDispatchCursors, mailOutbox, notifications } from "@/db/schema";
import { raceTest, runsConcurrently } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { noRequest, systemActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { teamWithContract } from "../billing/test-support";
import { fixedClock } from "../clock";
import { notificationsSink } from "../notifications/notifications-sink";
import { demoTeamId } from "../testing/demo";
import { DISPATCHED_EVENT_COLUMNS, dispatchEvents } from "./dispatch-events";
import type { DispatchedEvent, EventSink } from "./event-rule";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock("2025-06-01T12:00:00Z");

/** A sink that writes a row per delivery, in the dispatcher's transaction: a rolled-back delivery leaves none. */
const recordingSink: EventSink = {
  name: "recording",
  async fanOut(tx, event) {
    await tx.execute(sql`insert into test_deliveries (event_id, chain_seq) values (${event.id}, ${event.seq})`);
  },
};

async function deliveries(): Promise<{ total: number; distinct: number }> {
  const [row] = rowsOf<{ total: number; distinct: number }>(
    await db().execute(
      sql`select count(*)::int as total, count(distinct event_id)::int as distinct from test_deliveries`,
    ),
  );
  return row!;
}

async function recordEvents(teamId: string | null, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const event = await db().transaction((tx) =>
      recordAudit(tx, {
        teamId,
        actor: systemActor("Dispatch test"),
        occurredAt: clock.now(),
        request: noRequest,
        action: "test.happened",
        after: { i },
      }),
    );
    ids.push(event.id);
  }
  return ids;
}

/** Counts every chain handed on up to now, so each test sees only its own events. */
async function dispatchEverythingBefore() {
  await db()
    .update(eventDispatchCursors)
    .set({ dispatchedSeq: sql`${eventDispatchCursors.headSeq}` })
    .where(sql`${eventDispatchCursors.headSeq} > ${eventDispatchCursors.dispatchedSeq}`);
}

let acme = "";
let initech = "";
beforeAll(async () => {
  await db().execute(sql`create table test_deliveries (event_id uuid not null, chain_seq bigint not null)`);
  acme = await demoTeamId(db(), "Acme Corp");
  initech = await demoTeamId(db(), "Initech");
});
beforeEach(async () => {
  await db().execute(sql`delete from test_deliveries`);
  await dispatchEverythingBefore();
});

describe("the event dispatcher", () => {
  it("hands on events of every chain in seq order and moves each chain's cursor to its head", async () => {
    const acmeEvents = await recordEvents(acme, 5);
    const platformEvents = await recordEvents(null, 3);
    const result = await dispatchEvents(db(), clock, { sinks: [recordingSink], batchSize: 2 });
    expect(result).toMatchObject({ events: 8, failed: 0 });
    const rows = rowsOf<{ event_id: string }>(
      await db().execute(sql`select event_id from test_deliveries order by chain_seq`),
    );
    const delivered = rows.map((r) => r.event_id);
    expect(delivered.filter((id) => acmeEvents.includes(id))).toEqual(acmeEvents);
    expect(delivered.filter((id) => platformEvents.includes(id))).toEqual(platformEvents);
    const due = await db()
      .select()
      .from(eventDispatchCursors)
      .where(sql`${eventDispatchCursors.headSeq} > ${eventDispatchCursors.dispatchedSeq}`);
    expect(due).toEqual([]);
    expect(await dispatchEvents(db(), clock, { sinks: [recordingSink] })).toMatchObject({ events: 0 });
  });

  it(raceTest("delivers each event once when two dispatchers run at the same time"), async () => {
    await recordEvents(acme, 120);
    await recordEvents(initech, 120);
    await recordEvents(null, 60);
    const options = { sinks: [recordingSink], batchSize: 7, maxBatches: 1_000 };
    // Writers go on appending to the same chains while both dispatchers work.
    const [first, second] = await Promise.all([
      dispatchEvents(db(), clock, options),
      dispatchEvents(db(), clock, options),
      recordEvents(acme, 40),
    ]);
    const rest = await dispatchEvents(db(), clock, options);
    expect(first.events + second.events + rest.events).toBe(340);
    expect(await deliveries()).toEqual({ total: 340, distinct: 340 });
  });

  it(raceTest("lets a chain take new events while a batch of it is being handed on"), async () => {
    const { teamId } = await teamWithContract(db(), { at: "2025-06-01T12:00:00Z" });
    await dispatchEverythingBefore();
    await recordEvents(teamId, 2);
    let appended: Promise<unknown> | null = null;
    // On PostgreSQL the batch waits for an append to its own chain: that append must not wait for the batch.
    const appendingSink: EventSink = {
      name: "appending",
      async fanOut(_tx, event) {
        if (!runsConcurrently || event.teamId !== teamId || appended) return;
        appended = recordEvents(teamId, 1);
        await appended;
      },
    };
    await dispatchEvents(db(), clock, { sinks: [appendingSink], maxBatches: 1 });
    if (!runsConcurrently) await recordEvents(teamId, 1);
    const [cursor] = await db().select().from(eventDispatchCursors).where(eq(eventDispatchCursors.chain, teamId));
    expect(cursor!.headSeq - cursor!.dispatchedSeq).toBe(1);
  });

  it("after a sink fails mid-batch, nothing of that batch counts as handed on and the retry delivers each event once", async () => {
    await recordEvents(acme, 10);
    let seen = 0;
    const failingSink: EventSink = {
      name: "failing",
      async fanOut() {
        seen += 1;
        if (seen === 5) throw new Error("the sink fell over");
      },
    };
    const failed = await dispatchEvents(db(), clock, { sinks: [recordingSink, failingSink] });
    expect(failed).toMatchObject({ events: 0, failed: 1 });
    expect(await deliveries()).toEqual({ total: 0, distinct: 0 });

    const retried = await dispatchEvents(db(), clock, { sinks: [recordingSink] });
    expect(retried).toMatchObject({ events: 10, failed: 0 });
    expect(await deliveries()).toEqual({ total: 10, distinct: 10 });
  });

  it("goes on with the other chains while one chain's batch keeps failing", async () => {
    const [broken] = await recordEvents(acme, 1);
    await recordEvents(initech, 3);
    const pickySink: EventSink = {
      name: "picky",
      async fanOut(_tx, event: DispatchedEvent) {
        if (event.id === broken) throw new Error("this event cannot be handed on");
      },
    };
    const result = await dispatchEvents(db(), clock, { sinks: [pickySink, recordingSink] });
    expect(result).toMatchObject({ events: 3, failed: 1 });
  });
});

describe("the notifications sink", () => {
  it("adds nothing and mails nobody again when the same event is fanned out twice", async () => {
    const team = await teamWithContract(db(), { at: clock.now() });
    const event = await db().transaction((tx) =>
      recordAudit(tx, {
        teamId: team.teamId,
        actor: systemActor("Host poll"),
        occurredAt: clock.now(),
        request: noRequest,
        action: "host.unreachable",
        target: { type: "host", id: "7f1d5d43-1c9a-4a53-9d5e-0c7a4c1f0a11" },
        after: { name: "Twice Host", status: "unreachable" },
      }),
    );
    const [dispatched] = await db()
      .select(DISPATCHED_EVENT_COLUMNS)
      .from(auditEvents)
      .where(eq(auditEvents.id, event.id));
    for (let i = 0; i < 2; i++) {
      await db().transaction((tx) => notificationsSink.fanOut(tx, dispatched!, clock.now()));
    }
    const made = await db().select().from(notifications).where(eq(notifications.eventId, event.id));
    expect(made.map((n) => n.accountId)).toEqual([team.owner.id]);
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, team.owner.email));
    expect(mails).toHaveLength(1);
  });
});
