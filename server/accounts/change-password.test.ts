import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, mailOutbox, sessions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { fixedClock } from "../clock";
import { verifyPassword } from "../crypto/passwords";
import { openMailContent } from "../mail/mail-content";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";

const database = setUpTestDatabase();
const clock = fixedClock("2026-04-02T10:00:00Z");
const NEW_PASSWORD = "correct horse battery staple 2026";

async function accountRow(email: string) {
  const [row] = await database.handle.db.select().from(accounts).where(eq(accounts.email, email));
  return row!;
}

/** Opens `n` sessions for the account, as n browsers signed in. */
async function openSessions(accountId: string, n: number): Promise<string[]> {
  const rows = await database.handle.db
    .insert(sessions)
    .values(
      Array.from({ length: n }, () => ({
        accountId,
        createdAt: clock.now(),
        lastSeenAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 60 * 60 * 1000),
      })),
    )
    .returning({ id: sessions.id });
  return rows.map((r) => r.id);
}

async function callerInSession(email: string, sessionId: string) {
  const actor = await accountActor(database.handle.db, email);
  return createCaller(contextFor(database.handle.db, { ...actor, sessionId } as typeof actor, { clock }));
}

async function openSessionIds(accountId: string): Promise<string[]> {
  const rows = await database.handle.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.endedAt)));
  return rows.map((r) => r.id);
}

describe("changing one's password", () => {
  it("sets the new password, signs out every other session, replaces this one and mails a notice", async () => {
    const account = await accountRow("sofia.rossi@acme.example");
    const [current, other] = await openSessions(account.id, 3);
    const api = await callerInSession(account.email, current!);

    const { sessionsEnded, sessionId } = await api.profile.changePassword({
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(sessionsEnded).toBe(2);

    const changed = await accountRow(account.email);
    expect(await verifyPassword(changed.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(changed.passwordHash!, DEMO_PASSWORD)).toBe(false);
    expect(sessionId).not.toBe(current);
    expect(await openSessionIds(account.id)).toEqual([sessionId]);
    const [replaced] = await database.handle.db.select().from(sessions).where(eq(sessions.id, current!));
    expect(replaced?.replacedBySessionId).toBe(sessionId);
    const [ended] = await database.handle.db.select().from(sessions).where(eq(sessions.id, other!));
    expect(ended?.endedAt).toEqual(clock.now());

    const mails = await database.handle.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, account.email));
    expect(mails.map((m) => openMailContent(m).subject)).toContain("Your Customer Console password was changed");
    const [event] = await database.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          isNull(auditEvents.teamId),
          eq(auditEvents.action, "account.password_changed"),
          eq(auditEvents.targetId, account.id),
        ),
      );
    expect(event).toMatchObject({ actorId: account.id, after: { sessionsEnded: 2 } });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const account = await accountRow("noah.keller@acme.example");
    const [current, other] = await openSessions(account.id, 2);
    const api = await callerInSession(account.email, current!);

    await expect(
      api.profile.changePassword({ currentPassword: "not-my-password", newPassword: NEW_PASSWORD }),
    ).rejects.toThrow("The current password is not right. Type the password you sign in with.");
    expect((await accountRow(account.email)).passwordHash).toBe(account.passwordHash);
    expect((await openSessionIds(account.id)).sort()).toEqual([current, other].sort());
  });

  it("holds the new password to the password policy and refuses the same password again", async () => {
    const account = await accountRow("lucas.silva@acme.example");
    const [current] = await openSessions(account.id, 1);
    const api = await callerInSession(account.email, current!);

    await expect(api.profile.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "short" })).rejects.toThrow(
      "Use at least 8 characters (15 or more is better).",
    );
    await expect(
      api.profile.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "password123" }),
    ).rejects.toThrow(/among the most common ones/);
    await expect(
      api.profile.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }),
    ).rejects.toThrow("The new password is the same as the current one. Choose a different one.");
    expect((await accountRow(account.email)).passwordHash).toBe(account.passwordHash);
  });
});
