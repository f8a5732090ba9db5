import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { createSession, isSuccessorSession, resolveSession, rotateSession } from "./sessions";

const database = setUpTestDatabase();
const MINUTE = 60 * 1000;

async function openSession(email: string, now: Date): Promise<string> {
  const { accountId } = (await accountActor(database.handle.db, email)) as { accountId: string };
  return createSession(database.handle.db, { accountId, now, ip: null, userAgent: null, mfaVerified: false });
}

describe("a replaced session", () => {
  it("lets its own cookie move to the successor only in the ten seconds after the replacement", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-01T09:00:00Z");
    const replaced = await openSession("noah.keller@acme.example", clock.now());
    const successor = (await rotateSession(db, replaced, clock.now()))!;

    clock.advance(9_000);
    expect(await isSuccessorSession(db, replaced, successor, clock.now())).toBe(true);
    clock.advance(1_000);
    expect(await isSuccessorSession(db, replaced, successor, clock.now())).toBe(false);
    clock.advance(30 * 24 * 60 * MINUTE);
    expect(await isSuccessorSession(db, replaced, successor, clock.now())).toBe(false);
  });

  it("lets no other cookie of the account move to the successor, not even in the grace", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-01T10:00:00Z");
    const other = await openSession("emma.dubois@acme.example", clock.now());
    const replaced = await openSession("emma.dubois@acme.example", clock.now());
    const successor = (await rotateSession(db, replaced, clock.now()))!;

    expect(await isSuccessorSession(db, other, successor, clock.now())).toBe(false);
    expect(await isSuccessorSession(db, successor, successor, clock.now())).toBe(false);
    // A session that ended without a successor (signed out) leads nowhere either.
    const signedOut = await openSession("emma.dubois@acme.example", clock.now());
    await db
      .update(sessions)
      .set({ endedAt: clock.now(), replacedBySessionId: null })
      .where(eq(sessions.id, signedOut));
    expect(await isSuccessorSession(db, signedOut, successor, clock.now())).toBe(false);
  });

  it("resolves to its successor for ten seconds, then to nothing", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-01T11:00:00Z");
    const replaced = await openSession("lucas.silva@acme.example", clock.now());
    const successor = (await rotateSession(db, replaced, clock.now()))!;
    clock.advance(9_999);
    expect((await resolveSession(db, replaced, clock))?.sessionId).toBe(successor);
    clock.advance(1);
    expect(await resolveSession(db, replaced, clock)).toBeNull();
    expect((await resolveSession(db, successor, clock))?.sessionId).toBe(successor);
  });
});

describe("a team's idle timeout", () => {
  it("applies at once to its members' open sessions when the team shortens it", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-02T09:00:00Z");
    const teamId = await demoTeamId(db, "Acme Corp");
    const sessionId = await openSession("oliver.brown@acme.example", clock.now());
    const [before] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(before!.idleTimeoutMinutes).toBe(120);

    const owner = createCaller(contextFor(db, await accountActor(db, "owner@acme.example"), { clock }));
    await owner.settings.updateSecurity({ teamId, sessionIdleMinutes: 15 });

    clock.advance(14 * MINUTE);
    expect(await resolveSession(db, sessionId, clock)).not.toBeNull();
    clock.advance(15 * MINUTE);
    expect(await resolveSession(db, sessionId, clock)).toBeNull();
    const [after] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(after!.endedAt).toEqual(clock.now());

    await owner.settings.updateSecurity({ teamId, sessionIdleMinutes: 120 });
  });
});
