import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { identityProviders } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../../clock";
import { DEMO_IDENTITY_PROVIDER_ID } from "../../demo/demo-sso";
import { createCaller } from "../../routers/root";
import { callerForEmail, contextFor } from "../../testing/callers";
import { demoTeamId } from "../../testing/demo";
import { SSO_LOOKUPS_PER_IP, ssoProvidersForEmail } from "./sso-providers-for-email";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const anonymous = () => createCaller(contextFor(db()));
const providersOf = (email: string) => anonymous().auth.ssoProviders({ email });

let acme: string;
let manager: Awaited<ReturnType<typeof callerForEmail>>;

beforeAll(async () => {
  acme = await demoTeamId(db(), "Acme Corp");
  manager = await callerForEmail(db(), "manager@acme.example", { mfaVerified: true });
});

describe("Sign in with SSO: the providers of an address", () => {
  it("names the one provider of the address's verified domain, with where its sign-in starts", async () => {
    expect(await providersOf("Sam.SSO@acme-sso.example")).toEqual({
      providers: [
        { id: DEMO_IDENTITY_PROVIDER_ID, name: "Acme SSO", startUrl: `/api/sso/${DEMO_IDENTITY_PROVIDER_ID}/start` },
      ],
    });
  });

  it("names every enabled provider of the team, by name, and leaves out a disabled one", async () => {
    const { id: okta } = await manager.identityProviders.createOidc({
      teamId: acme,
      name: "Acme Okta",
      issuer: "https://acme.okta.example",
      clientId: "console",
      clientSecret: "secret",
    });
    expect((await providersOf("sam.sso@acme-sso.example")).providers.map((p) => p.name)).toEqual([
      "Acme Okta",
      "Acme SSO",
    ]);

    await manager.identityProviders.setEnabled({ teamId: acme, identityProviderId: okta, enabled: false });
    expect((await providersOf("sam.sso@acme-sso.example")).providers.map((p) => p.name)).toEqual(["Acme SSO"]);
  });

  it("refuses an address whose domain no team verified, or whose team has no enabled provider", async () => {
    await expect(providersOf("someone@nowhere.example")).rejects.toThrow(
      "No single sign-on is set up for nowhere.example. Sign in with your password.",
    );
    await db().update(identityProviders).set({ enabled: false }).where(eq(identityProviders.teamId, acme));
    await expect(providersOf("sam.sso@acme-sso.example")).rejects.toThrow(
      "No single sign-on is set up for acme-sso.example. Sign in with your password.",
    );
    await db()
      .update(identityProviders)
      .set({ enabled: true })
      .where(eq(identityProviders.id, DEMO_IDENTITY_PROVIDER_ID));
  });

  it("refuses an address that is not an email address", async () => {
    await expect(providersOf("acme-sso.example")).rejects.toThrow("Enter an email address like name@example.com.");
  });

  it("answers one network only so many look-ups an hour, found or not", async () => {
    const clock = fixedClock("2026-12-01T10:00:00Z");
    const ctx = { clock, request: { requestId: "r", ip: "203.0.113.9", userAgent: null } };
    for (let i = 0; i < SSO_LOOKUPS_PER_IP.limit; i++) {
      await ssoProvidersForEmail(db(), ctx, i % 2 ? "sam.sso@acme-sso.example" : "x@nowhere.example").catch(() => null);
    }
    await expect(ssoProvidersForEmail(db(), ctx, "sam.sso@acme-sso.example")).rejects.toThrow(
      "Too many single sign-on look-ups from your network. Try again after 11:00 UTC (in 60 minutes).",
    );
    const otherNetwork = { clock, request: { ...ctx.request, ip: "203.0.113.10" } };
    expect((await ssoProvidersForEmail(db(), otherNetwork, "sam.sso@acme-sso.example")).providers).toHaveLength(1);
  });
});
