import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { identityProviders, ssoSignInStates } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { DEMO_IDENTITY_PROVIDER_ID } from "../demo/demo-sso";
import { runForgetSignInLeftoversJob } from "./forget-sign-in-leftovers-job";
import { newSignInState, SSO_STATE_LIFETIME_MS, saveSignInState, spendSignInState } from "./sign-in-state";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock("2026-12-01T10:00:00Z");
let otherProvider: string;

beforeAll(async () => {
  const [demo] = await db().select().from(identityProviders).where(eq(identityProviders.id, DEMO_IDENTITY_PROVIDER_ID));
  const [other] = await db()
    .insert(identityProviders)
    .values({ teamId: demo!.teamId, kind: "oidc", name: "Other", issuer: "https://other.example", clientId: "c" })
    .returning();
  otherProvider = other!.id;
});

const save = async (state: string) =>
  saveSignInState(db(), {
    state,
    identityProviderId: DEMO_IDENTITY_PROVIDER_ID,
    now: clock.now(),
    codeVerifier: "verifier",
    nonce: "nonce",
  });

describe("a provider sign-in's state", () => {
  it("is spent once, by its own provider only, and keeps the verifier encrypted", async () => {
    const state = newSignInState();
    await save(state);
    const [row] = await db().select().from(ssoSignInStates);
    expect(JSON.stringify(row)).not.toContain('verifier"');
    expect(JSON.stringify(row)).not.toContain(state);
    expect(await spendSignInState(db(), { state, identityProviderId: otherProvider, now: clock.now() })).toBeNull();
    expect(
      await spendSignInState(db(), { state, identityProviderId: DEMO_IDENTITY_PROVIDER_ID, now: clock.now() }),
    ).toEqual({
      identityProviderId: DEMO_IDENTITY_PROVIDER_ID,
      codeVerifier: "verifier",
      nonce: "nonce",
      samlRequestId: null,
    });
    expect(
      await spendSignInState(db(), { state, identityProviderId: DEMO_IDENTITY_PROVIDER_ID, now: clock.now() }),
    ).toBeNull();
  });

  it("expires, and the daily job forgets it", async () => {
    const state = newSignInState();
    await save(state);
    clock.advance(SSO_STATE_LIFETIME_MS + 1);
    expect(
      await spendSignInState(db(), { state, identityProviderId: DEMO_IDENTITY_PROVIDER_ID, now: clock.now() }),
    ).toBeNull();
    expect((await runForgetSignInLeftoversJob(db(), clock)).states).toBe(2);
    expect(await db().select().from(ssoSignInStates)).toEqual([]);
  });
});
