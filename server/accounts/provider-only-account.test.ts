import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accounts, externalIdentities, mailOutbox } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { fixedClock } from "../clock";
import { DEMO_IDENTITY_PROVIDER_ID } from "../demo/demo-sso";
import { createCaller } from "../routers/root";
import { callerForEmail, contextFor } from "../testing/callers";
import { issueAccountLinkToken } from "./account-tokens";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock("2026-12-01T10:00:00Z");
const anonymous = () => createCaller(contextFor(db(), undefined, { clock }));
const NEW_PASSWORD = "correct horse battery staple 2026";
const REFUSAL = "You sign in through your organisation's identity provider, so this account has no password here.";

/** An account the demo provider created at a first sign-in: no password, one identity. */
async function providerAccount(email: string, verified = true): Promise<string> {
  const [account] = await db()
    .insert(accounts)
    .values({ email, name: "Pat Provider", passwordHash: null, emailVerifiedAt: verified ? clock.now() : null })
    .returning({ id: accounts.id });
  await db().insert(externalIdentities).values({
    identityProviderId: DEMO_IDENTITY_PROVIDER_ID,
    subject: email,
    accountId: account!.id,
    createdAccount: true,
  });
  return account!.id;
}

const mailTo = async (email: string) =>
  (await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, email))).length;
const passwordHashOf = async (id: string) =>
  (await db().select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, id)))[0]!.hash;

let patId: string;

beforeAll(async () => {
  patId = await providerAccount("pat.provider@acme-sso.example");
});

describe("an account that signs in through its identity provider", () => {
  it("sees no password form: its profile and security status say so", async () => {
    const pat = await callerForEmail(db(), "pat.provider@acme-sso.example");
    expect((await pat.profile.get()).signsInThroughProvider).toBe(true);
    expect((await pat.security.status()).signsInThroughProvider).toBe(true);
    const member = await callerForEmail(db(), "member@acme.example");
    expect((await member.profile.get()).signsInThroughProvider).toBe(false);
  });

  it("cannot change its password", async () => {
    const pat = await callerForEmail(db(), "pat.provider@acme-sso.example");
    await expect(
      pat.profile.changePassword({ currentPassword: "anything", newPassword: NEW_PASSWORD }),
    ).rejects.toThrow(REFUSAL);
    expect(await passwordHashOf(patId)).toBeNull();
  });

  it("gets no reset mail, and the requester the same answer as for an unknown address", async () => {
    const answer = await anonymous().auth.requestPasswordReset({ email: "pat.provider@acme-sso.example" });
    expect(answer).toEqual(await anonymous().auth.requestPasswordReset({ email: "nobody@acme-sso.example" }));
    expect(await mailTo("pat.provider@acme-sso.example")).toBe(0);
  });

  it("cannot set a password from a reset link issued before", async () => {
    const token = await issueAccountLinkToken(db(), {
      accountId: patId,
      purpose: "reset_password",
      now: clock.now(),
      validForMs: 60 * 60 * 1000,
    });
    await expect(anonymous().auth.resetPassword({ token, password: NEW_PASSWORD })).rejects.toThrow(REFUSAL);
    expect(await passwordHashOf(patId)).toBeNull();
  });

  it("cannot be claimed with a password by signing up, even before its address is verified", async () => {
    const id = await providerAccount("quinn.unverified@acme-sso.example", false);
    await anonymous().auth.signUp({
      name: "Quinn",
      email: "quinn.unverified@acme-sso.example",
      password: NEW_PASSWORD,
    });
    expect(await passwordHashOf(id)).toBeNull();
  });

  it("keeps its password when it was linked to a provider with one", async () => {
    const [member] = await db().select().from(accounts).where(eq(accounts.email, "member@acme.example"));
    await db()
      .insert(externalIdentities)
      .values({ identityProviderId: DEMO_IDENTITY_PROVIDER_ID, subject: "member", accountId: member!.id });
    const api = await callerForEmail(db(), "member@acme.example");
    await api.profile.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    expect(await passwordHashOf(member!.id)).not.toBe(member!.passwordHash);
  });
});
