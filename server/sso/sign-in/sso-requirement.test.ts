import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accounts, auditEvents, identityProviders, mailOutbox, teamDomains } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { noRequest } from "../../actor";
import { fixedClock } from "../../clock";
import { encrypt } from "../../crypto/encryption";
import { keyRing } from "../../crypto/key-ring";
import { DEMO_PASSWORD } from "../../demo/seed";
import { DomainError } from "../../errors";
import { callerForEmail } from "../../testing/callers";
import { demoTeamId } from "../../testing/demo";
import { signInWithPassword, signInWithTwoStep } from "../../testing/sign-in";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock("2026-12-01T10:00:00Z");
const OWNER_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
let acme: string;
let manager: Awaited<ReturnType<typeof callerForEmail>>;
let providerId: string;

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    (value) => (value === null ? "wrong credentials" : "signed in"),
    (error) => (error instanceof DomainError ? error.message : `unexpected: ${error}`),
  );
const signIn = (email: string) =>
  signInWithPassword(db(), { clock, request: noRequest }, { email, password: DEMO_PASSWORD });

beforeAll(async () => {
  acme = await demoTeamId(db(), "Acme Corp");
  // The demo's provider and domain are ready already; this team starts from nothing.
  await db().update(identityProviders).set({ enabled: false }).where(eq(identityProviders.teamId, acme));
  await db().delete(teamDomains).where(eq(teamDomains.teamId, acme));
  manager = await callerForEmail(db(), "manager@acme.example", { mfaVerified: true });
  ({ id: providerId } = await manager.identityProviders.createOidc({
    teamId: acme,
    name: "Acme Okta",
    issuer: "https://acme.okta.example",
    clientId: "console",
    clientSecret: "secret",
  }));
  await db()
    .update(accounts)
    .set({ totpSecretEncrypted: encrypt(keyRing(), OWNER_TOTP), totpEnabledAt: clock.now() })
    .where(eq(accounts.email, "owner@acme.example"));
});

describe("Require sign-in through the identity provider", () => {
  it("is refused until a provider passed Test connection and a domain is verified", async () => {
    const require = () =>
      manager.settings.updateSsoRequirement({ teamId: acme, ssoRequired: true, breakGlassEmails: "" });
    await expect(require()).rejects.toThrow("once an enabled identity provider has passed Test connection");
    await db().update(identityProviders).set({ testedAt: clock.now() }).where(eq(identityProviders.id, providerId));
    await expect(require()).rejects.toThrow("once the team has verified a domain");
    await db()
      .insert(teamDomains)
      .values({ teamId: acme, domain: "acme.example", verificationToken: "t", verifiedAt: clock.now() });
    await expect(
      manager.settings.updateSsoRequirement({
        teamId: acme,
        ssoRequired: true,
        breakGlassEmails: "a@acme.example, b@acme.example, c@acme.example, d@acme.example",
      }),
    ).rejects.toThrow("Name at most 3 break-glass accounts");
    await expect(
      manager.settings.updateSsoRequirement({
        teamId: acme,
        ssoRequired: true,
        breakGlassEmails: "stranger@else.example",
      }),
    ).rejects.toThrow("not active members of this team: stranger@else.example");
    await manager.settings.updateSsoRequirement({
      teamId: acme,
      ssoRequired: true,
      breakGlassEmails: "it@acme.example",
    });
    expect(await manager.settings.get({ teamId: acme })).toMatchObject({
      ssoRequired: true,
      ssoBreakGlassEmails: ["it@acme.example"],
    });
  });

  it("turns a member's password sign-in into the way to the provider, before any password check", async () => {
    expect(await refusalOf(signIn("liam.chen@acme.example"))).toBe(
      "Acme Corp signs in through its identity provider. Choose Sign in with SSO.",
    );
    expect(await refusalOf(signIn("nobody@acme.example"))).toBe(
      "Acme Corp signs in through its identity provider. Choose Sign in with SSO.",
    );
    // Other domains are not the team's to rule.
    expect(await refusalOf(signIn("tom.becker@partner.example"))).toBe("signed in");
  });

  it("keeps the break-glass accounts' passwords only with two-step verification", async () => {
    expect(await refusalOf(signIn("it@acme.example"))).toMatch(/needs two-step verification/);
  });

  it("lets the owner in with password and code, audits it and mails the owner", async () => {
    await signInWithTwoStep(
      db(),
      { clock, request: noRequest },
      { email: "owner@acme.example", password: DEMO_PASSWORD, totpSecret: OWNER_TOTP },
    );
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, acme), eq(auditEvents.action, "account.break_glass_signed_in")));
    expect(events).toHaveLength(1);
    const mail = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, "owner@acme.example"));
    expect(mail.length).toBeGreaterThan(0);
  });

  it("stops applying when every provider is disabled, so nobody is locked out", async () => {
    await manager.identityProviders.setEnabled({ teamId: acme, identityProviderId: providerId, enabled: false });
    expect(await refusalOf(signIn("liam.chen@acme.example"))).toBe("signed in");
  });
});
