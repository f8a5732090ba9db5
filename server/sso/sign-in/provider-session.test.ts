import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships, teamSettings } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { noRequest } from "../../actor";
import { completeSignIn } from "../../auth/complete-sign-in";
import { fixedClock } from "../../clock";
import { DEMO_IDENTITY_PROVIDER_ID } from "../../demo/demo-sso";
import { demoTeamId } from "../../testing/demo";
import { browserCaller } from "../../testing/support-session";
import { finishProviderSignIn } from "./finish-provider-sign-in";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock("2026-12-01T10:00:00Z");

describe("a session opened through an identity provider", () => {
  it("counts as two-step verified in the provider's team only", async () => {
    const acme = await demoTeamId(db(), "Acme Corp");
    const initech = await demoTeamId(db(), "Initech");
    const ctx = { clock, request: noRequest };
    const claims = { subject: "demo-sso-sam", email: "sam.sso@acme-sso.example", name: "Sam Sso", groups: [] };
    const { challengeToken } = await finishProviderSignIn(db(), ctx, {
      identityProviderId: DEMO_IDENTITY_PROVIDER_ID,
      claims,
    });
    const signedIn = await completeSignIn(db(), ctx, { challengeToken });
    if (!signedIn.ok) throw new Error("the provider sign-in did not complete");
    // Sam is a member of Initech too, and both teams require two-step verification.
    await db().insert(memberships).values({ teamId: initech, accountId: signedIn.accountId, role: "member" });
    await db()
      .update(teamSettings)
      .set({ mfaRequired: true })
      .where(inArray(teamSettings.teamId, [acme, initech]));
    const api = await browserCaller(db(), clock, { sessionId: signedIn.sessionId });

    await expect(api.teams.home({ teamId: acme })).resolves.toBeDefined();
    await expect(api.teams.home({ teamId: initech })).rejects.toThrow(/requires two-step verification/i);
  });
});
