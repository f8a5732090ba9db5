import { and, count, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, sessions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import type { RequestMeta } from "../actor";
import { fixedClock } from "../clock";
import { signInWithPassword } from "../testing/sign-in";
import { resolveSession, SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS, signOutSession } from "./sessions";

const database = setUpTestDatabase();
const request: RequestMeta = { requestId: "req-sign-in-0001", ip: "203.0.113.7", userAgent: "Vitest Browser" };
const MINUTE = 60 * 1000;

async function accountByEmail(email: string) {
  const [account] = await database.handle.db.select().from(accounts).where(eq(accounts.email, email));
  return account!;
}

async function sessionCount(accountId: string): Promise<number> {
  const [row] = await database.handle.db.select({ n: count() }).from(sessions).where(eq(sessions.accountId, accountId));
  return row!.n;
}

describe("signing in with a password", () => {
  it("opens a session for the right password and remembers when and from where", async () => {
    const clock = fixedClock("2026-03-02T09:00:00Z");
    const owner = await accountByEmail("owner@acme.example");

    const result = await signInWithPassword(
      database.handle.db,
      { clock, request },
      { email: "owner@acme.example", password: DEMO_PASSWORD },
    );

    expect(result).toEqual({ accountId: owner.id, sessionId: expect.any(String) });
    expect((await accountByEmail("owner@acme.example")).lastSignInAt).toEqual(clock.now());
    const [session] = await database.handle.db.select().from(sessions).where(eq(sessions.id, result!.sessionId));
    expect(session).toMatchObject({
      accountId: owner.id,
      createdAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + SESSION_ABSOLUTE_LIFETIME_MS),
      ip: "203.0.113.7",
      userAgent: "Vitest Browser",
      endedAt: null,
      mfaVerifiedAt: null,
    });
  });

  it("records the sign-in in the platform's audit log, not a team's", async () => {
    const clock = fixedClock("2026-03-02T10:00:00Z");
    const manager = await accountByEmail("manager@acme.example");
    const result = await signInWithPassword(
      database.handle.db,
      { clock, request },
      { email: "manager@acme.example", password: DEMO_PASSWORD },
    );

    const events = await database.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.signed_in"), eq(auditEvents.actorId, manager.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      teamId: null,
      actorType: "account",
      actorLabel: "manager@acme.example",
      targetType: "account",
      targetId: manager.id,
      occurredAt: clock.now(),
      ip: "203.0.113.7",
      requestId: "req-sign-in-0001",
      after: { sessionId: result!.sessionId, method: "password" },
    });
  });

  it("ignores the case and surrounding spaces of the email", async () => {
    const clock = fixedClock("2026-03-02T11:00:00Z");
    const result = await signInWithPassword(
      database.handle.db,
      { clock, request },
      { email: "  Member@ACME.example ", password: DEMO_PASSWORD },
    );
    expect(result?.accountId).toBe((await accountByEmail("member@acme.example")).id);
  });

  it("answers null to a wrong password, and opens no session nor audit event", async () => {
    const clock = fixedClock("2026-03-02T12:00:00Z");
    const chloe = await accountByEmail("chloe.martin@acme.example");
    const eventsBefore = await database.handle.db
      .select({ n: count() })
      .from(auditEvents)
      .where(isNull(auditEvents.teamId));

    const result = await signInWithPassword(
      database.handle.db,
      { clock, request },
      { email: chloe.email, password: "demopass-2026" },
    );

    expect(result).toBeNull();
    expect(await sessionCount(chloe.id)).toBe(0);
    expect((await accountByEmail(chloe.email)).lastSignInAt).toBeNull();
    const eventsAfter = await database.handle.db
      .select({ n: count() })
      .from(auditEvents)
      .where(isNull(auditEvents.teamId));
    expect(eventsAfter[0]!.n).toBe(eventsBefore[0]!.n);
  });

  it("answers the same null to an unknown email", async () => {
    const clock = fixedClock("2026-03-02T12:00:00Z");
    const result = await signInWithPassword(
      database.handle.db,
      { clock, request },
      { email: "nobody@acme.example", password: DEMO_PASSWORD },
    );
    expect(result).toBeNull();
  });
});

describe("sessions", () => {
  async function signIn(email: string, clock: ReturnType<typeof fixedClock>) {
    const result = await signInWithPassword(database.handle.db, { clock, request }, { email, password: DEMO_PASSWORD });
    return result!.sessionId;
  }

  it("resolve to the signed-in account while fresh", async () => {
    const clock = fixedClock("2026-03-03T09:00:00Z");
    const sessionId = await signIn("it@acme.example", clock);
    clock.advance(5 * MINUTE);
    expect(await resolveSession(database.handle.db, sessionId, clock)).toEqual({
      sessionId,
      accountId: (await accountByEmail("it@acme.example")).id,
      email: "it@acme.example",
      mfaVerified: false,
      providerTeamId: null,
    });
  });

  it("end when the user signs out, and the account's log says so", async () => {
    const clock = fixedClock("2026-03-03T09:00:00Z");
    const sessionId = await signIn("it@acme.example", clock);
    await signOutSession(database.handle.db, sessionId, clock.now(), request);
    expect(await resolveSession(database.handle.db, sessionId, clock)).toBeNull();
    const [event] = await database.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.signed_out"), eq(auditEvents.targetId, sessionId)));
    expect(event).toMatchObject({ teamId: null, actorLabel: "it@acme.example", ip: "203.0.113.7" });
  });

  it("end after two idle hours, and stay ended", async () => {
    const clock = fixedClock("2026-03-03T09:00:00Z");
    const sessionId = await signIn("liam.chen@acme.example", clock);
    clock.advance(SESSION_IDLE_TIMEOUT_MS - MINUTE);
    expect(await resolveSession(database.handle.db, sessionId, clock)).not.toBeNull();

    clock.advance(SESSION_IDLE_TIMEOUT_MS);
    expect(await resolveSession(database.handle.db, sessionId, clock)).toBeNull();
    const [session] = await database.handle.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session!.endedAt).toEqual(clock.now());

    clock.set("2026-03-03T09:30:00Z");
    expect(await resolveSession(database.handle.db, sessionId, clock)).toBeNull();
  });

  it("stay alive while used, for at most twelve hours", async () => {
    const clock = fixedClock("2026-03-03T08:00:00Z");
    const sessionId = await signIn("sofia.rossi@acme.example", clock);
    for (let hour = 1; hour < 12; hour++) {
      clock.advance(60 * MINUTE);
      expect(await resolveSession(database.handle.db, sessionId, clock), `after ${hour} h`).not.toBeNull();
    }
    clock.advance(60 * MINUTE);
    expect(await resolveSession(database.handle.db, sessionId, clock)).toBeNull();
  });

  it("resolve to nothing for an id that was never issued", async () => {
    const clock = fixedClock("2026-03-03T09:00:00Z");
    expect(await resolveSession(database.handle.db, "00000000-0000-4000-8000-000000000000", clock)).toBeNull();
  });
});
