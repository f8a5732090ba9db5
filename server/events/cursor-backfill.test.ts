import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPglite, openPostgres, rowsOf } from "@/db/client";
import { eventDispatchCursors } from "@/db/schema";
import { withDatabase } from "@/db/testing/template-database";
import { noRequest, systemActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { fixedClock } from "../clock";
import { dispatchEvents } from "./dispatch-events";
import type { EventSink } from "./event-rule";

const MIGRATIONS = path.join(import.meta.dirname, "..", "..", "db", "migrations");
const BACKFILL = 'INSERT INTO "event_dispatch_cursors"';

/** Every migration statement in order, whether the backfill sits in a migration of its own or in one merged one. */
function migrationStatements(): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as {
    entries: Array<{ tag: string }>;
  };
  return journal.entries.flatMap(({ tag }) =>
    fs
      .readFileSync(path.join(MIGRATIONS, `${tag}.sql`), "utf8")
      .split("--> statement-breakpoint")
      .filter((statement) => statement.trim()),
  );
}

/** An empty database of this file's own, dropped afterwards: a fresh PGlite, or a new PostgreSQL database. */
async function emptyDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { handle: await openPglite(), drop: async () => {} };
  const name = `cc_backfill_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    handle: openPostgres(withDatabase(base, name), { max: 2 }),
    drop: async () => {
      const dropper = postgres(base, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

let database: Awaited<ReturnType<typeof emptyDatabase>>;
const db = () => database.handle.db;
const TEAM = "0f9c6f1e-0000-4000-8000-00000000b0b0";

beforeAll(async () => {
  database = await emptyDatabase();
  const statements = migrationStatements();
  const at = statements.findIndex((statement) => statement.includes(BACKFILL));
  expect(at, "the migration that creates the dispatch cursors backfills them").toBeGreaterThan(0);
  for (const statement of statements.slice(0, at)) await db().execute(sql.raw(statement));
  // Events written before the pipeline existed: three of a team's, two of the platform's.
  await db().execute(sql`insert into teams (id, name, product) values (${TEAM}, 'Before', 'filemaker_cloud')`);
  await db().execute(sql`
    insert into audit_events (team_id, seq, occurred_at, actor_type, actor_label, action, prev_hash, hash)
    select t, n, now(), 'system', 'Before', 'test.before', '', ''
    from (values (${TEAM}::uuid, 1), (${TEAM}::uuid, 2), (${TEAM}::uuid, 3), (null, 1), (null, 2)) as v(t, n)`);
  for (const statement of statements.slice(at)) await db().execute(sql.raw(statement));
}, 120_000);
afterAll(async () => {
  await database.handle.close();
  await database.drop();
});

describe("the dispatch cursors' backfill", () => {
  it("counts every event recorded before the migration as dispatched, and hands on only what comes after", async () => {
    const cursors = await db().select().from(eventDispatchCursors).orderBy(eventDispatchCursors.chain);
    expect(cursors).toEqual([
      { chain: TEAM, teamId: TEAM, headSeq: 3, dispatchedSeq: 3 },
      { chain: "platform", teamId: null, headSeq: 2, dispatchedSeq: 2 },
    ]);

    const seen: string[] = [];
    const sink: EventSink = { name: "seen", fanOut: async (_tx, event) => void seen.push(event.action) };
    const clock = fixedClock("2025-06-01T00:00:00Z");
    expect(await dispatchEvents(db(), clock, { sinks: [sink] })).toMatchObject({ events: 0 });
    await db().transaction((tx) =>
      recordAudit(tx, {
        teamId: TEAM,
        actor: systemActor("After"),
        occurredAt: clock.now(),
        request: noRequest,
        action: "test.after",
      }),
    );
    expect(await dispatchEvents(db(), clock, { sinks: [sink] })).toMatchObject({ events: 1 });
    expect(seen).toEqual(["test.after"]);
    const [count] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from audit_events`));
    expect(count!.n).toBe(6);
  });
});
