import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { noRequest } from "../actor";
import { completeSignIn } from "../auth/complete-sign-in";
import { fixedClock } from "../clock";
import { DEMO_IDENTITY_PROVIDER_ID } from "../demo/demo-sso";
import { finishProviderSignIn } from "../sso/sign-in/finish-provider-sign-in";
import { browserCaller } from "../testing/support-session";
import { PROVIDER_CONFIRMATION_WINDOW_MS } from "./confirm-account-holder";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock("2026-12-01T10:00:00Z");
const EMAIL = "sam.sso@acme-sso.example";

/** Signs Sam in through the demo's provider, as the provider routes do, and returns a browser's API. */
async function signInThroughProvider() {
  const ctx = { clock, request: noRequest };
  const claims = { subject: "demo-sso-sam", email: EMAIL, name: "Sam Sso", groups: [] };
  const { challengeToken } = await finishProviderSignIn(db(), ctx, {
    identityProviderId: DEMO_IDENTITY_PROVIDER_ID,
    claims,
  });
  const completed = await completeSignIn(db(), ctx, { challengeToken });
  if (!completed.ok) throw new Error("the provider sign-in did not complete");
  return browserCaller(db(), clock, { sessionId: completed.sessionId });
}

describe("an account of an identity provider, which has no password", () => {
  it("is deleted with its address typed again soon after signing in through the provider", async () => {
    const api = await signInThroughProvider();
    await expect(api.profile.deleteAccount({ password: "", confirmEmail: "someone@else.example" })).rejects.toThrow(
      "Type your email address exactly as it is shown",
    );
    clock.advance(PROVIDER_CONFIRMATION_WINDOW_MS + 1);
    await expect(api.profile.deleteAccount({ password: "", confirmEmail: EMAIL })).rejects.toThrow(
      "sign in through it again and delete within 15 minutes",
    );

    const fresh = await signInThroughProvider();
    await fresh.profile.deleteAccount({ password: "", confirmEmail: "Sam.Sso@acme-sso.example" });
    const [gone] = await db().select().from(accounts).where(eq(accounts.email, EMAIL));
    expect(gone).toBeUndefined();
  });
});

describe("the address of an account of an identity provider", () => {
  it("is not changed from the profile, which says why", async () => {
    const api = await signInThroughProvider();
    expect((await api.profile.get()).emailChangeRefusal).toMatch(
      /signs in through your organisation's identity provider/,
    );
    await expect(
      api.profile.requestEmailChange({ newEmail: "sam@elsewhere.example", password: "anything" }),
    ).rejects.toThrow("signs in through your organisation's identity provider");
  });
});
