import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, mailOutbox } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { formatDateTime } from "@/lib/format";
import { DEMO_PASSWORD, DEMO_SUPPORT_TOTP_SECRET } from "@/server/demo/seed";
import type { RequestMeta } from "../actor";
import { fixedClock } from "../clock";
import { DomainError } from "../errors";
import { openMailContent } from "../mail/mail-content";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { beginSignIn } from "./begin-sign-in";
import { completeSignIn } from "./complete-sign-in";
import { SECOND_STEP_FAILURES } from "./second-step-lock";
import { createSession, resolveSession } from "./sessions";
import { totpCodeAt, verifyTotp } from "./totp";

const database = setUpTestDatabase();
const request: RequestMeta = { requestId: "req-two-step-01", ip: "192.0.2.10", userAgent: "test" };

/** Turns two-step verification on for a demo account through the Security procedures. */
async function enrol(email: string, clock: ReturnType<typeof fixedClock>) {
  const { db } = database.handle;
  const actor = await accountActor(db, email);
  const accountId = (actor as { accountId: string }).accountId;
  const sessionId = await createSession(db, {
    accountId,
    now: clock.now(),
    ip: null,
    userAgent: null,
    mfaVerified: false,
  });
  const api = createCaller(contextFor(db, { ...actor, sessionId } as typeof actor, { clock }));
  const { setupKey } = await api.security.startTotp({ password: DEMO_PASSWORD });
  const secret = setupKey.replaceAll(" ", "");
  const { recoveryCodes, sessionId: rotated } = await api.security.confirmTotp({
    code: totpCodeAt(secret, clock.now()),
  });
  return { secret, recoveryCodes, sessionId, rotated, accountId };
}

async function passwordStep(email: string, clock: ReturnType<typeof fixedClock>) {
  const started = await beginSignIn(database.handle.db, { clock, request }, { email, password: DEMO_PASSWORD });
  if (started.status !== "challenge") throw new Error("expected a challenge");
  return started;
}

describe("TOTP codes (RFC 6238)", () => {
  it("accept the current code and one step of drift, refuse older ones and any code used before", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const now = new Date("2026-06-01T12:00:10Z");
    const current = verifyTotp(secret, totpCodeAt(secret, now), now, null);
    expect(current.ok).toBe(true);
    expect(verifyTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 30_000)), now, null).ok).toBe(true);
    expect(verifyTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 90_000)), now, null)).toEqual({
      ok: false,
      reason: "wrong",
    });
    const step = (current as { step: number }).step;
    expect(verifyTotp(secret, totpCodeAt(secret, now), now, step)).toEqual({ ok: false, reason: "replayed" });
    expect(verifyTotp(secret, "12345", now, null)).toEqual({ ok: false, reason: "wrong" });
  });
});

describe("signing in with two-step verification", () => {
  it("asks for a code after the password, and refuses the same code a second time", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-06-02T09:00:00Z");
    const { secret, accountId } = await enrol("sofia.rossi@acme.example", clock);
    const stored = (await db.select().from(accounts).where(eq(accounts.id, accountId)))[0]!;
    expect(stored.totpSecretEncrypted).not.toContain(secret);

    clock.advance(60_000);
    const first = await passwordStep("sofia.rossi@acme.example", clock);
    expect(first.secondStep).toBe(true);
    expect(await completeSignIn(db, { clock, request }, { challengeToken: first.challengeToken })).toEqual({
      ok: false,
      reason: "wrong_code",
    });
    const code = totpCodeAt(secret, clock.now());
    const signedIn = await completeSignIn(db, { clock, request }, { challengeToken: first.challengeToken, code });
    expect(signedIn.ok).toBe(true);
    expect((await resolveSession(db, (signedIn as { sessionId: string }).sessionId, clock))?.mfaVerified).toBe(true);

    const second = await passwordStep("sofia.rossi@acme.example", clock);
    expect(await completeSignIn(db, { clock, request }, { challengeToken: second.challengeToken, code })).toEqual({
      ok: false,
      reason: "wrong_code",
    });
    const replays = await db.select().from(auditEvents).where(eq(auditEvents.action, "account.totp_replay_refused"));
    expect(replays.map((e) => e.actorId)).toContain(accountId);
  });

  it("takes each recovery code once", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-06-03T09:00:00Z");
    const { recoveryCodes } = await enrol("emma.dubois@acme.example", clock);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const first = await passwordStep("emma.dubois@acme.example", clock);
    expect(
      (
        await completeSignIn(
          db,
          { clock, request },
          { challengeToken: first.challengeToken, recoveryCode: recoveryCodes[0]!.toUpperCase() },
        )
      ).ok,
    ).toBe(true);
    const second = await passwordStep("emma.dubois@acme.example", clock);
    expect(
      await completeSignIn(
        db,
        { clock, request },
        { challengeToken: second.challengeToken, recoveryCode: recoveryCodes[0]! },
      ),
    ).toEqual({
      ok: false,
      reason: "wrong_code",
    });
  });

  it("ends the challenge after five wrong codes: the password must be given again", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-06-04T09:00:00Z");
    const { secret } = await enrol("lucas.silva@acme.example", clock);
    const started = await passwordStep("lucas.silva@acme.example", clock);
    for (let i = 0; i < 5; i++)
      await completeSignIn(db, { clock, request }, { challengeToken: started.challengeToken, code: "000000" });
    const late = await completeSignIn(
      db,
      { clock, request },
      { challengeToken: started.challengeToken, code: totpCodeAt(secret, clock.now()) },
    );
    expect(late).toEqual({ ok: false, reason: "expired" });
  });

  it("counts wrong codes per account across fresh passwords, locks at ten an hour, says when to retry and mails the account", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-06-04T10:00:00Z");
    const email = "david.cohen@acme.example";
    const { secret, recoveryCodes, accountId } = await enrol(email, clock);
    clock.advance(60_000);

    // Five wrong codes end a challenge; the right password opens a new one, which must not wipe the count.
    const first = await passwordStep(email, clock);
    for (let i = 0; i < 5; i++)
      await completeSignIn(db, { clock, request }, { challengeToken: first.challengeToken, code: "000000" });
    const second = await passwordStep(email, clock);
    // A challenge opened before the lock is refused after it, even with the right code.
    const waiting = await passwordStep(email, clock);
    for (let i = 0; i < 4; i++) {
      expect(
        await completeSignIn(
          db,
          { clock, request },
          { challengeToken: second.challengeToken, recoveryCode: "aaaa-bbbb-cccc" },
        ),
      ).toEqual({
        ok: false,
        reason: "wrong_code",
      });
    }
    const tenth = await completeSignIn(
      db,
      { clock, request },
      { challengeToken: second.challengeToken, code: "000000" },
    );
    const until = new Date(clock.now().getTime() + SECOND_STEP_FAILURES.windowMs);
    expect(tenth).toEqual({ ok: false, reason: "locked", until });

    clock.advance(4 * 60_000);
    expect(
      await completeSignIn(
        db,
        { clock, request },
        { challengeToken: waiting.challengeToken, code: totpCodeAt(secret, clock.now()) },
      ),
    ).toEqual({
      ok: false,
      reason: "locked",
      until,
    });
    const refused = await beginSignIn(db, { clock, request }, { email, password: DEMO_PASSWORD }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: "RATE_LIMITED",
      message: "Too many wrong authentication codes. Try again after 11:01 UTC (in 56 minutes).",
    });

    const notices = (await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)))
      .map(openMailContent)
      .filter((mail) => mail.subject === "Someone is trying to sign in to your Customer Console account");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(`paused until ${formatDateTime(new Date("2026-06-04T11:01:00Z"), "en")}`);
    const [locked] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.two_step_locked"), eq(auditEvents.actorId, accountId)));
    expect(locked).toMatchObject({
      teamId: null,
      ip: "192.0.2.10",
      after: { lockedUntil: until.toISOString(), wrongCodes: 10 },
    });

    // Once the hour has passed, the right code and an unused recovery code work again.
    clock.set(until);
    const later = await passwordStep(email, clock);
    expect(
      (
        await completeSignIn(
          db,
          { clock, request },
          { challengeToken: later.challengeToken, code: totpCodeAt(secret, clock.now()) },
        )
      ).ok,
    ).toBe(true);
    const again = await passwordStep(email, clock);
    expect(
      (
        await completeSignIn(
          db,
          { clock, request },
          { challengeToken: again.challengeToken, recoveryCode: recoveryCodes[1]! },
        )
      ).ok,
    ).toBe(true);
  });

  it("replaces the session when two-step verification is turned on", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-06-05T09:00:00Z");
    const { sessionId, rotated } = await enrol("hana.sato@acme.example", clock);
    expect(rotated).not.toBe(sessionId);
    expect((await resolveSession(db, rotated!, clock))?.mfaVerified).toBe(true);
    // Requests in flight may still carry the old cookie for a few seconds, then it is dead.
    expect((await resolveSession(db, sessionId, clock))?.sessionId).toBe(rotated);
    clock.advance(10_000);
    expect(await resolveSession(db, sessionId, clock)).toBeNull();
  });
});

describe("changing two-step verification", () => {
  it("ends the account's other sessions when it is turned on, and keeps the current one", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-06-05T12:00:00Z");
    const { accountId } = (await accountActor(db, "oliver.brown@acme.example")) as { accountId: string };
    const elsewhere = await createSession(db, {
      accountId,
      now: clock.now(),
      ip: "203.0.113.50",
      userAgent: "other browser",
      mfaVerified: false,
    });
    const { rotated } = await enrol("oliver.brown@acme.example", clock);
    expect(await resolveSession(db, elsewhere, clock)).toBeNull();
    expect((await resolveSession(db, rotated!, clock))?.mfaVerified).toBe(true);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.two_step_enabled"), eq(auditEvents.actorId, accountId)));
    expect(event!.after).toEqual({ otherSessionsEnded: 1 });
  });

  it("cannot be turned off by staff while they are staff", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-06-05T15:00:00Z");
    const staffMember = createCaller(
      contextFor(db, await accountActor(db, "support@console.example", { mfaVerified: true }), { clock }),
    );
    await expect(
      staffMember.security.disableTotp({
        password: DEMO_PASSWORD,
        code: totpCodeAt(DEMO_SUPPORT_TOTP_SECRET, clock.now()),
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        "Staff accounts must keep two-step verification on. Ask a support admin to remove your staff rights first.",
    });
    expect((await staffMember.security.status()).twoStepEnabledAt).not.toBeNull();
  });
});

describe("a team that requires two-step verification", () => {
  it("sends members without it to enrol first, and lets them in once they have it", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-06-06T09:00:00Z");
    const managerActor = await accountActor(db, "manager@acme.example", { mfaVerified: true });
    const manager = createCaller(contextFor(db, managerActor, { clock }));
    const teamId = (await manager.teams.mine()).find((team) => team.name === "Acme Corp")!.id;

    const withoutTwoStep = createCaller(contextFor(db, await accountActor(db, "manager@acme.example"), { clock }));
    await expect(withoutTwoStep.settings.updateSecurity({ teamId, mfaRequired: true })).rejects.toThrow(
      "Turn on two-step verification for yourself first",
    );
    await manager.settings.updateSecurity({ teamId, mfaRequired: true });

    const member = createCaller(contextFor(db, await accountActor(db, "member@acme.example"), { clock }));
    await expect(member.teams.home({ teamId })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Acme Corp requires two-step verification. Turn it on in Security to continue.",
    });
    const verifiedMember = createCaller(
      contextFor(db, await accountActor(db, "member@acme.example", { mfaVerified: true }), { clock }),
    );
    expect((await verifiedMember.teams.home({ teamId })).team.name).toBe("Acme Corp");

    await expect(manager.settings.updateSecurity({ teamId, sessionIdleMinutes: 3 })).rejects.toThrow(
      "at least 5 minutes",
    );
    await manager.settings.updateSecurity({ teamId, mfaRequired: false, sessionIdleMinutes: 30 });
    const changes = await db.select().from(auditEvents).where(eq(auditEvents.action, "settings.updated"));
    expect(changes.at(-1)).toMatchObject({
      before: { mfaRequired: true, sessionIdleMinutes: 120 },
      after: { mfaRequired: false, sessionIdleMinutes: 30 },
    });

    // Sessions begun from now on follow the team's shorter idle timeout.
    const memberId = (await accountActor(db, "member@acme.example")) as { accountId: string };
    const session = await createSession(db, {
      accountId: memberId.accountId,
      now: clock.now(),
      ip: null,
      userAgent: null,
      mfaVerified: false,
    });
    clock.advance(31 * 60_000);
    expect(await resolveSession(db, session, clock)).toBeNull();
  });
});
