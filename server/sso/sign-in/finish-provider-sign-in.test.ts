import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  accounts,
  auditEvents,
  externalIdentities,
  groupMemberships,
  groups,
  mailOutbox,
  memberships,
  subscriptions,
  teamDomains,
  teams,
} from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { noRequest } from "../../actor";
import { fixedClock } from "../../clock";
import { seatsInUse } from "../../members/seats";
import { callerForEmail } from "../../testing/callers";
import { demoTeamId, membershipOf } from "../../testing/demo";
import type { ProviderClaims } from "../provider-answer";
import { SsoFailure } from "../provider-answer";
import { finishProviderSignIn } from "./finish-provider-sign-in";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock("2026-12-01T10:00:00Z");
let acme: string;
let providerId: string;

const claims = (overrides: Partial<ProviderClaims> = {}): ProviderClaims => ({
  subject: "sub-1",
  email: "new.person@acme-sso.example",
  name: "New Person",
  groups: [],
  ...overrides,
});
const signIn = (answer: ProviderClaims, identityProviderId = providerId) =>
  finishProviderSignIn(db(), { clock, request: noRequest }, { identityProviderId, claims: answer });
const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "signed in",
    (error) => (error instanceof SsoFailure ? error.reason : `unexpected: ${error}`),
  );

async function teamNamed(name: string): Promise<string> {
  const [team] = await db().select({ id: teams.id }).from(teams).where(eq(teams.name, name));
  return team!.id;
}

async function verifyDomain(teamId: string, domain: string) {
  await db().insert(teamDomains).values({ teamId, domain, verificationToken: "t", verifiedAt: clock.now() });
}
async function groupsOf(membershipId: string) {
  const rows = await db()
    .select({ name: groups.name })
    .from(groupMemberships)
    .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
    .where(eq(groupMemberships.membershipId, membershipId));
  return rows.map((row) => row.name).sort();
}

beforeAll(async () => {
  acme = await demoTeamId(db(), "Acme Corp");
  const manager = await callerForEmail(db(), "manager@acme.example");
  ({ id: providerId } = await manager.identityProviders.createOidc({
    teamId: acme,
    name: "Acme Okta",
    issuer: "https://acme.okta.example",
    clientId: "console",
    clientSecret: "very-secret-value",
    defaultLicensed: true,
  }));
  await db()
    .update(groups)
    .set({ identityProviderGroup: "okta-sales" })
    .where(and(eq(groups.teamId, acme), eq(groups.name, "Sales")));
  await db()
    .update(groups)
    .set({ identityProviderGroup: "okta-finance" })
    .where(and(eq(groups.teamId, acme), eq(groups.name, "Finance")));
});

describe("a first sign-in through a provider", () => {
  it("creates an account without a password, a licensed membership and the mapped groups, then keeps them in step", async () => {
    const first = await signIn(claims({ groups: ["okta-sales", "unmapped"] }));
    expect(first.teamId).toBe(acme);
    const [account] = await db().select().from(accounts).where(eq(accounts.email, "new.person@acme-sso.example"));
    expect(account).toMatchObject({ name: "New Person", passwordHash: null, managedByTeamId: acme });
    const membership = (await membershipOf(db(), acme, "new.person@acme-sso.example"))!;
    expect(membership).toMatchObject({ role: "member", licensed: true, status: "active" });
    expect(await groupsOf(membership.id)).toEqual(["Sales"]);

    await signIn(claims({ name: "New P. Person", groups: ["okta-finance"] }));
    expect(await groupsOf(membership.id)).toEqual(["Finance"]);
    const [renamed] = await db().select().from(accounts).where(eq(accounts.id, account!.id));
    expect(renamed!.name).toBe("New P. Person");
    const actions = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.teamId, acme),
          sql`${auditEvents.action} like any (array['identity_provider.%', 'membership.%'])`,
        ),
      );
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining(["identity_provider.account_created", "membership.added", "membership.groups_synced"]),
    );
  });

  it("is keyed by the provider's subject, not by the email it sends", async () => {
    await signIn(claims({ subject: "sub-2", email: "two@acme-sso.example" }));
    await signIn(claims({ subject: "sub-2", email: "renamed@acme-sso.example" }));
    const identities = await db()
      .select({ email: accounts.email })
      .from(externalIdentities)
      .innerJoin(accounts, eq(accounts.id, externalIdentities.accountId))
      .where(eq(externalIdentities.subject, "sub-2"));
    expect(identities).toEqual([{ email: "two@acme-sso.example" }]);
  });

  it("needs an email address", async () => {
    expect(await refusalOf(signIn(claims({ subject: "sub-3", email: null })))).toBe("no_email_claim");
  });
});

describe("linking an existing account", () => {
  it("is refused until the provider's team has verified the address's domain, then links it", async () => {
    const liam = claims({ subject: "liam", email: "Liam.Chen@acme.example" });
    expect(await refusalOf(signIn(liam))).toBe("domain_not_verified");
    await verifyDomain(acme, "acme.example");
    await signIn(liam);
    const [identity] = await db()
      .select({ email: accounts.email, created: externalIdentities.createdAccount })
      .from(externalIdentities)
      .innerJoin(accounts, eq(accounts.id, externalIdentities.accountId))
      .where(eq(externalIdentities.subject, "liam"));
    expect(identity).toEqual({ email: "liam.chen@acme.example", created: false });

    // The domain is lost: the provider no longer signs in the account it did not create.
    await db().update(teamDomains).set({ verifiedAt: null }).where(eq(teamDomains.domain, "acme.example"));
    expect(await refusalOf(signIn(liam))).toBe("domain_not_verified");
  });

  it("never takes over an account through a provider of another team", async () => {
    await db().update(teamDomains).set({ verifiedAt: clock.now() }).where(eq(teamDomains.domain, "acme.example"));
    const initech = await teamNamed("Initech");
    const initechOwner = await callerForEmail(db(), "owner@initech.example");
    const { id: initechProvider } = await initechOwner.identityProviders.createOidc({
      teamId: initech,
      name: "Initech IdP",
      issuer: "https://initech.example",
      clientId: "console",
      clientSecret: "s",
    });
    const liamAtInitech = claims({ subject: "liam", email: "liam.chen@acme.example" });
    expect(await refusalOf(signIn(liamAtInitech, initechProvider))).toBe("domain_not_verified");
    // …and Initech cannot verify the domain while Acme holds it.
    await expect(verifyDomain(initech, "acme.example")).rejects.toThrow();
  });

  it("never links a support staff account", async () => {
    await verifyDomain(acme, "claris-support.example");
    const [staffAccount] = await db()
      .select({ email: accounts.email })
      .from(accounts)
      .where(sql`${accounts.id} in (select account_id from staff)`)
      .limit(1);
    await db()
      .update(teamDomains)
      .set({ domain: staffAccount!.email.split("@")[1]! })
      .where(eq(teamDomains.domain, "claris-support.example"));
    expect(await refusalOf(signIn(claims({ subject: "staff", email: staffAccount!.email })))).toBe("identity_taken");
  });
});

describe("seats and access", () => {
  it("lets a person in unlicensed when every seat is taken, and tells the managers", async () => {
    const used = await seatsInUse(db(), acme, clock.now());
    await db().update(subscriptions).set({ seats: used }).where(eq(subscriptions.teamId, acme));
    await signIn(claims({ subject: "late", email: "late.joiner@acme-sso.example" }));
    expect(await membershipOf(db(), acme, "late.joiner@acme-sso.example")).toMatchObject({ licensed: false });
    const mail = await db().select({ to: mailOutbox.toAddress }).from(mailOutbox).where(eq(mailOutbox.teamId, acme));
    expect(mail.map((row) => row.to)).toEqual(expect.arrayContaining(["manager@acme.example", "owner@acme.example"]));
  });

  it("keeps a deactivated member out, and a disabled provider signs nobody in", async () => {
    await signIn(claims({ subject: "gone", email: "gone@acme-sso.example" }));
    const gone = (await membershipOf(db(), acme, "gone@acme-sso.example"))!;
    await db().update(memberships).set({ status: "deactivated" }).where(eq(memberships.id, gone.id));
    expect(await refusalOf(signIn(claims({ subject: "gone", email: "gone@acme-sso.example" })))).toBe(
      "membership_deactivated",
    );
    const manager = await callerForEmail(db(), "manager@acme.example");
    await manager.identityProviders.setEnabled({ teamId: acme, identityProviderId: providerId, enabled: false });
    expect(await refusalOf(signIn(claims()))).toBe("provider_disabled");
    await manager.identityProviders.setEnabled({ teamId: acme, identityProviderId: providerId, enabled: true });
  });
});
