import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailOutbox } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { requestPasswordReset, resetPassword } from "../accounts/password-reset";
import type { RequestMeta } from "../actor";
import { fixedClock } from "../clock";
import { DomainError } from "../errors";
import { openMailContent } from "../mail/mail-content";
import { signInWithPassword } from "../testing/sign-in";
import { beginSignIn } from "./begin-sign-in";
import {
  ACCOUNT_FAILURE_LIMIT,
  FIRST_LOCK_MS,
  IP_FAILURE_LIMIT,
  lockDurationMs,
  recordSignInFailure,
} from "./throttle";

const database = setUpTestDatabase();

function from(ip: string): RequestMeta {
  return { requestId: "req-throttle-01", ip, userAgent: "test" };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("failed sign-ins", () => {
  it("lock the account at the 20th wrong password, say when to retry, and let the right password in after that time", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-05-01T09:00:00Z");
    const ctx = { clock, request: from("198.51.100.1") };
    const wrong = { email: "liam.chen@acme.example", password: "not-his-password" };

    for (let i = 1; i < ACCOUNT_FAILURE_LIMIT; i++) {
      expect((await refusal(beginSignIn(db, ctx, wrong))).code).toBe("UNAUTHENTICATED");
      clock.advance(1000);
    }
    const locked = await refusal(beginSignIn(db, ctx, wrong));
    expect(locked.code).toBe("RATE_LIMITED");
    expect(locked.message).toBe(
      "Too many failed sign-ins. Try again after 09:15 UTC (in 15 minutes), or reset your password.",
    );

    // Locked means locked: even the right password, from another address.
    const right = { email: "liam.chen@acme.example", password: DEMO_PASSWORD };
    expect((await refusal(beginSignIn(db, { clock, request: from("198.51.100.2") }, right))).code).toBe("RATE_LIMITED");

    clock.advance(FIRST_LOCK_MS);
    expect(await signInWithPassword(db, ctx, right)).not.toBeNull();
  });

  it("lock again for twice as long when the wrong passwords go on after a lock", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-05-02T09:00:00Z");
    const ctx = { clock, request: from("198.51.100.3") };
    const wrong = { email: "noah.keller@acme.example", password: "wrong-again-and-again" };
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await refusal(beginSignIn(db, ctx, wrong));
    clock.advance(FIRST_LOCK_MS);
    const relocked = await refusal(beginSignIn(db, ctx, wrong));
    expect(relocked.code).toBe("RATE_LIMITED");
    expect(relocked.message).toContain("in 30 minutes");
    expect(lockDurationMs(3)).toBe(4 * FIRST_LOCK_MS);
    expect(lockDurationMs(100)).toBe(24 * 60 * 60 * 1000);
  });

  it("are forgotten after a right password once the lock has passed: the next lock needs twenty new failures", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-05-02T12:00:00Z");
    const ctx = { clock, request: from("198.51.100.5") };
    const wrong = { email: "emma.dubois@acme.example", password: "a wrong guess" };
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await refusal(beginSignIn(db, ctx, wrong));
    clock.advance(FIRST_LOCK_MS);
    expect(await signInWithPassword(db, ctx, { email: wrong.email, password: DEMO_PASSWORD })).not.toBeNull();
    for (let i = 1; i < ACCOUNT_FAILURE_LIMIT; i++)
      expect((await refusal(beginSignIn(db, ctx, wrong))).code).toBe("UNAUTHENTICATED");
    const relocked = await refusal(beginSignIn(db, ctx, wrong));
    expect(relocked.message).toContain("in 15 minutes");
  });

  it("end with a completed password reset, which proves the mailbox, as the lock message promises", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-05-02T15:00:00Z");
    const ctx = { clock, request: from("198.51.100.6") };
    const email = "hana.sato@acme.example";
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++)
      await refusal(beginSignIn(db, ctx, { email, password: "attacker guess" }));
    expect((await refusal(beginSignIn(db, ctx, { email, password: DEMO_PASSWORD }))).message).toContain(
      "or reset your password",
    );

    await requestPasswordReset(db, ctx, email);
    const [mail] = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, email))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    const token = /reset-password\/(\S+)/.exec(openMailContent(mail!).text)![1]!;
    await resetPassword(db, ctx, { token, password: "a fresh and long passphrase" });
    expect(await signInWithPassword(db, ctx, { email, password: "a fresh and long passphrase" })).not.toBeNull();
  });

  it("treat an unknown email exactly like a known one", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-05-03T09:00:00Z");
    const ctx = { clock, request: from("198.51.100.4") };
    const unknown = { email: "ghost@acme.example", password: "whatever-it-is" };
    for (let i = 1; i < ACCOUNT_FAILURE_LIMIT; i++)
      expect((await refusal(beginSignIn(db, ctx, unknown))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(beginSignIn(db, ctx, unknown))).code).toBe("RATE_LIMITED");
  });

  it("lock an IP address that sprays many accounts, without locking those accounts elsewhere", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-05-04T09:00:00Z");
    const sprayer = from("203.0.113.66");
    for (let i = 0; i < IP_FAILURE_LIMIT; i++) {
      await refusal(
        beginSignIn(db, { clock, request: sprayer }, { email: `victim${i}@acme.example`, password: "Spring2026!" }),
      );
    }
    const right = { email: "grace.lee@acme.example", password: DEMO_PASSWORD };
    expect((await refusal(beginSignIn(db, { clock, request: sprayer }, right))).code).toBe("RATE_LIMITED");
    expect(await signInWithPassword(db, { clock, request: from("198.51.100.9") }, right)).not.toBeNull();
  });

  it(raceTest("are counted by every server: concurrent failures all count"), async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-05-05T09:00:00Z");
    const keys = ["account:concurrent@acme.example"];
    await Promise.all(
      Array.from({ length: ACCOUNT_FAILURE_LIMIT }, () =>
        db.transaction((tx) => recordSignInFailure(tx, keys, clock.now())),
      ),
    );
    const lock = await db.transaction((tx) => recordSignInFailure(tx, keys, clock.now()));
    expect(lock).toEqual(new Date(clock.now().getTime() + FIRST_LOCK_MS));
  });
});
