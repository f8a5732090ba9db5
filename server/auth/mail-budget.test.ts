import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailOutbox } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { requestPasswordReset } from "../accounts/password-reset";
import { signUp } from "../accounts/sign-up";
import { resendVerificationCode } from "../accounts/verify-email";
import type { RequestMeta } from "../actor";
import { fixedClock } from "../clock";
import { DomainError } from "../errors";
import { openMailContent } from "../mail/mail-content";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { HOUR_MS } from "./rate-limits";

const database = setUpTestDatabase();

function from(ip: string | null): RequestMeta {
  return { requestId: "req-mail-budget", ip, userAgent: "test" };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the call should have been refused").toBeInstanceOf(Error);
  return error as { code: string; message: string };
}

/** Mails to the address, of one subject when given; subjects are stored encrypted, so they are opened here. */
async function mailsTo(address: string, subject?: string): Promise<number> {
  const rows = await database.handle.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address));
  return rows.filter((row) => subject === undefined || openMailContent(row).subject === subject).length;
}

describe("mail asked for without signing in", () => {
  it("is limited to five an hour per address, over reset, sign-up and resend, with the same refusal for a known and an unknown address", async () => {
    const { db } = database.handle;
    const answers: string[] = [];
    for (const [i, address] of ["ahmed.hassan@acme.example", "nobody-at-all@elsewhere.example"].entries()) {
      const clock = fixedClock(`2026-08-0${i + 1}T09:00:00Z`);
      const ctx = { clock, request: from(`198.51.100.${20 + i}`) };
      for (let n = 0; n < 4; n++) await requestPasswordReset(db, ctx, address);
      await resendVerificationCode(db, ctx, address.toUpperCase());
      clock.advance(30 * 60_000);

      const refused = await refusal(requestPasswordReset(db, ctx, address));
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused.code).toBe("RATE_LIMITED");
      answers.push(refused.message);
      expect((await refusal(resendVerificationCode(db, ctx, address))).message).toBe(refused.message);
      expect(
        (await refusal(signUp(db, ctx, { name: "Someone", email: address, password: "a long enough passphrase" })))
          .message,
      ).toBe(refused.message);

      clock.advance(30 * 60_000);
      await requestPasswordReset(db, ctx, address);
    }
    expect(answers).toEqual([
      "Too many requests for mail to this address. Try again after 10:00 UTC (in 30 minutes).",
      "Too many requests for mail to this address. Try again after 10:00 UTC (in 30 minutes).",
    ]);
    expect(await mailsTo("ahmed.hassan@acme.example", "Reset your Customer Console password")).toBe(5);
    expect(await mailsTo("nobody-at-all@elsewhere.example")).toBe(0);
  });

  it("is limited to twenty an hour per client IP over all addresses", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-08-05T09:00:00Z");
    const sprayer = { clock, request: from("203.0.113.99") };
    for (let i = 0; i < 20; i++) await requestPasswordReset(db, sprayer, `target${i}@elsewhere.example`);
    const refused = await refusal(requestPasswordReset(db, sprayer, "grace.lee@acme.example"));
    expect(refused.message).toBe(
      "Too many requests for mail from your network. Try again after 10:00 UTC (in 60 minutes).",
    );
    expect(await mailsTo("grace.lee@acme.example")).toBe(0);
    await requestPasswordReset(db, { clock, request: from("198.51.100.30") }, "grace.lee@acme.example");
    expect(await mailsTo("grace.lee@acme.example")).toBe(1);
  });
});

describe("resending an invitation", () => {
  it("mails one address at most five times an hour", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-08-06T09:00:00Z");
    const teamId = await demoTeamId(db, "Acme Corp");
    const ctx = {
      ...contextFor(db, await accountActor(db, "manager@acme.example"), { clock }),
      request: from("198.51.100.40"),
    };
    const api = createCaller(ctx);
    const { invited } = await api.invitations.invite({
      teamId,
      emails: ["resent@elsewhere.example"],
      role: "member",
      licensed: false,
      groupIds: [],
    });
    for (let i = 0; i < 5; i++) await api.invitations.resend({ teamId, invitationId: invited[0]!.id });
    await expect(api.invitations.resend({ teamId, invitationId: invited[0]!.id })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many requests for mail to this address. Try again after 10:00 UTC (in 60 minutes).",
    });
    expect(await mailsTo("resent@elsewhere.example")).toBe(6);
    clock.advance(HOUR_MS);
    await api.invitations.resend({ teamId, invitationId: invited[0]!.id });
    expect(await mailsTo("resent@elsewhere.example")).toBe(7);
  });
});
