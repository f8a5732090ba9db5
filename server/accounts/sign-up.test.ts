import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, mailOutbox } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import type { RequestMeta } from "../actor";
import { completeSignIn } from "../auth/complete-sign-in";
import { createSession, resolveSession } from "../auth/sessions";
import { fixedClock } from "../clock";
import { hashPassword } from "../crypto/passwords";
import { openMailContent } from "../mail/mail-content";
import { signInWithPassword } from "../testing/sign-in";
import { RESET_LINK_LIFETIME_MS, requestPasswordReset, resetPassword } from "./password-reset";
import { signUp } from "./sign-up";
import { resendVerificationCode, verifyEmail } from "./verify-email";

const database = setUpTestDatabase();
const request: RequestMeta = { requestId: "req-sign-up-01", ip: "192.0.2.20", userAgent: "test" };

async function lastMailTo(to: string) {
  const [mail] = await database.handle.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, to))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(1);
  return mail && { ...mail, ...openMailContent(mail) };
}

describe("signing up", () => {
  it("creates an unusable account until the mailed code verifies it, then signs the person in", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-01T09:00:00Z");
    await signUp(
      db,
      { clock, request },
      { name: "Nora Quist", email: "nora@newco.example", password: "correct horse battery" },
    );

    expect(
      await signInWithPassword(
        db,
        { clock, request },
        { email: "nora@newco.example", password: "correct horse battery" },
      ),
    ).toBeNull();
    const mail = await lastMailTo("nora@newco.example");
    const code = /(\d{6})/.exec(mail!.subject)![1]!;
    expect(mail!.text).toContain(code);

    await expect(
      verifyEmail(
        db,
        { clock, request },
        { email: "nora@newco.example", code: code === "000000" ? "111111" : "000000" },
      ),
    ).rejects.toThrow("This code is not right");
    const { challengeToken } = await verifyEmail(db, { clock, request }, { email: "nora@newco.example", code });
    expect((await completeSignIn(db, { clock, request }, { challengeToken })).ok).toBe(true);
    await expect(verifyEmail(db, { clock, request }, { email: "nora@newco.example", code })).rejects.toThrow(
      "This code is not right",
    );
    expect(
      await signInWithPassword(
        db,
        { clock, request },
        { email: "nora@newco.example", password: "correct horse battery" },
      ),
    ).not.toBeNull();
  });

  it("refuses a common or short password with a message saying what to do", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-02T09:00:00Z");
    await expect(
      signUp(db, { clock, request }, { name: "A", email: "a@newco.example", password: "password123" }),
    ).rejects.toThrow("among the most common");
    await expect(
      signUp(db, { clock, request }, { name: "A", email: "a@newco.example", password: "short" }),
    ).rejects.toThrow("at least 8");
  });

  it("does not reveal that an address is taken: the owner is told by mail and nothing changes", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-03T09:00:00Z");
    const [before] = await db.select().from(accounts).where(eq(accounts.email, "grace.lee@acme.example"));
    await signUp(
      db,
      { clock, request },
      { name: "Impostor", email: "Grace.Lee@acme.example", password: "a brand new password" },
    );
    const [after] = await db.select().from(accounts).where(eq(accounts.email, "grace.lee@acme.example"));
    expect(after).toEqual(before);
    expect((await lastMailTo("grace.lee@acme.example"))!.subject).toBe(
      "Someone tried to create an account with your address",
    );
  });

  it("voids a code after five wrong tries", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-04T09:00:00Z");
    await signUp(
      db,
      { clock, request },
      { name: "Guess Target", email: "guess@newco.example", password: "another fine password" },
    );
    const code = /(\d{6})/.exec((await lastMailTo("guess@newco.example"))!.subject)![1]!;
    const wrong = code === "123456" ? "654321" : "123456";
    for (let i = 0; i < 4; i++)
      await expect(
        verifyEmail(db, { clock, request }, { email: "guess@newco.example", code: wrong }),
      ).rejects.toThrow();
    await expect(verifyEmail(db, { clock, request }, { email: "guess@newco.example", code: wrong })).rejects.toThrow(
      "Too many wrong codes",
    );
    await expect(verifyEmail(db, { clock, request }, { email: "guess@newco.example", code })).rejects.toThrow(
      "Too many wrong codes",
    );
  });
});

describe("the effort of signing up", () => {
  it("is one password hash whether the address is new, taken, or waiting for verification", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-04T12:00:00Z");
    const hashes: string[] = [];
    const countingHasher = async (password: string) => {
      hashes.push(password);
      return hashPassword(password);
    };
    await signUp(
      db,
      { clock, request },
      { name: "New", email: "brand-new@newco.example", password: "first long password" },
      countingHasher,
    );
    expect(hashes).toHaveLength(1);
    await signUp(
      db,
      { clock, request },
      { name: "Taken", email: "ahmed.hassan@acme.example", password: "second long password" },
      countingHasher,
    );
    expect(hashes).toHaveLength(2);
    await signUp(
      db,
      { clock, request },
      { name: "Again", email: "brand-new@newco.example", password: "third long password" },
      countingHasher,
    );
    expect(hashes).toHaveLength(3);
    expect(
      await signInWithPassword(db, { clock, request }, { email: "ahmed.hassan@acme.example", password: DEMO_PASSWORD }),
    ).not.toBeNull();
  });
});

describe("verification codes", () => {
  it("allow ten tries an hour per address, however many new codes are mailed", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-04T15:00:00Z");
    const email = "many-codes@newco.example";
    await signUp(db, { clock, request }, { name: "Code Guesser", email, password: "yet another fine password" });
    const wrongFor = (code: string) => (code === "123456" ? "654321" : "123456");
    // Five wrong tries void a code; a new code gives only what is left of the address's ten.
    for (const tries of [5, 3, 2]) {
      if (tries !== 5) {
        clock.advance(60_000);
        await resendVerificationCode(db, { clock, request }, email);
      }
      const code = /(\d{6})/.exec((await lastMailTo(email))!.subject)![1]!;
      for (let i = 0; i < tries; i++)
        await expect(verifyEmail(db, { clock, request }, { email, code: wrongFor(code) })).rejects.toThrow();
    }
    const code = /(\d{6})/.exec((await lastMailTo(email))!.subject)![1]!;

    // The resent code is right, but the address has had its ten tries this hour.
    await expect(verifyEmail(db, { clock, request }, { email, code })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "Too many codes were tried for this address. Try again after 16:00 UTC (in 58 minutes).",
    });
    clock.advance(60 * 60_000);
    const { challengeToken } = await verifyEmail(db, { clock, request }, { email, code });
    expect(challengeToken).toEqual(expect.any(String));
  });
});

describe("resetting a forgotten password", () => {
  it("sets the new password from a single-use link and signs every session out", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-05T09:00:00Z");
    const [jonas] = await db.select().from(accounts).where(eq(accounts.email, "jonas.berg@acme.example"));
    const session = await createSession(db, {
      accountId: jonas!.id,
      now: clock.now(),
      ip: null,
      userAgent: null,
      mfaVerified: false,
    });

    await requestPasswordReset(db, { clock, request }, "jonas.berg@acme.example");
    const token = /reset-password\/(\S+)/.exec((await lastMailTo("jonas.berg@acme.example"))!.text)![1]!;
    await expect(resetPassword(db, { clock, request }, { token, password: "qwerty123" })).rejects.toThrow(
      "among the most common",
    );
    await resetPassword(db, { clock, request }, { token, password: "a new and long password" });

    expect(await resolveSession(db, session, clock)).toBeNull();
    expect(
      await signInWithPassword(db, { clock, request }, { email: "jonas.berg@acme.example", password: DEMO_PASSWORD }),
    ).toBeNull();
    expect(
      await signInWithPassword(
        db,
        { clock, request },
        { email: "jonas.berg@acme.example", password: "a new and long password" },
      ),
    ).not.toBeNull();
    await expect(
      resetPassword(db, { clock, request }, { token, password: "yet another long password" }),
    ).rejects.toThrow("not valid any more");
  });

  it("refuses a link older than one hour", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-06T09:00:00Z");
    await requestPasswordReset(db, { clock, request }, "ahmed.hassan@acme.example");
    const token = /reset-password\/(\S+)/.exec((await lastMailTo("ahmed.hassan@acme.example"))!.text)![1]!;
    clock.advance(RESET_LINK_LIFETIME_MS);
    await expect(resetPassword(db, { clock, request }, { token, password: "a new and long password" })).rejects.toThrow(
      "not valid any more",
    );
  });

  it("answers an unknown address the same way and sends nothing", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-07-07T09:00:00Z");
    await requestPasswordReset(db, { clock, request }, "nobody-here@acme.example");
    expect(await lastMailTo("nobody-here@acme.example")).toBeUndefined();
  });
});
