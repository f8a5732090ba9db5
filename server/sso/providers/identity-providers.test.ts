import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accounts, externalIdentities, identityProviders, memberships } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../../clock";
import { callerForEmail } from "../../testing/callers";
import { demoTeamId } from "../../testing/demo";
import { browserCaller, openSupportView, signInDemoSupport } from "../../testing/support-session";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock(new Date());
const SECRET = "s3cr3t-Th4t-Must-N3ver-Leak";
let acme: string;
let manager: Awaited<ReturnType<typeof callerForEmail>>;

const oidc = (name: string) => ({
  teamId: acme,
  name,
  issuer: "https://login.acme.example/",
  clientId: "console",
  clientSecret: SECRET,
});

beforeAll(async () => {
  acme = await demoTeamId(db(), "Acme Corp");
  manager = await callerForEmail(db(), "manager@acme.example");
});

describe("an identity provider's client secret", () => {
  it("is stored encrypted and never returned, not even to a support view", async () => {
    const { id } = await manager.identityProviders.createOidc(oidc("Okta"));
    const dump = await db().execute(sql`select row_to_json(p)::text as row from identity_providers p`);
    expect(JSON.stringify(dump)).not.toContain(SECRET);
    const audit = await db().execute(sql`select row_to_json(e)::text as row from audit_events e`);
    expect(JSON.stringify(audit)).not.toContain(SECRET);

    const listed = await manager.identityProviders.list({ teamId: acme });
    const one = await manager.identityProviders.get({ teamId: acme, identityProviderId: id });
    expect(JSON.stringify([listed, one])).not.toContain(SECRET);
    expect(one).toMatchObject({
      hasClientSecret: true,
      issuer: "https://login.acme.example",
      scopes: "openid email profile",
    });
    expect(JSON.stringify(one)).not.toContain("clientSecretEncrypted");

    const staffSessionId = await signInDemoSupport(db(), clock);
    const view = await openSupportView(db(), clock, {
      teamId: acme,
      grantedBy: "manager@acme.example",
      staffSessionId,
    });
    const support = await browserCaller(db(), clock, {
      sessionId: staffSessionId,
      supportSessionId: view.supportSessionId,
    });
    const seenBySupport = await support.identityProviders.get({ teamId: acme, identityProviderId: id });
    expect(JSON.stringify(seenBySupport)).not.toContain(SECRET);
    await expect(
      support.identityProviders.setEnabled({ teamId: acme, identityProviderId: id, enabled: false }),
    ).rejects.toThrow(/read-only/i);
  });

  it("stays when an edit leaves it empty, and a new one is its own audit event that asks for a new test", async () => {
    const { id } = await manager.identityProviders.createOidc(oidc("Entra"));
    await db().update(identityProviders).set({ testedAt: clock.now() }).where(eq(identityProviders.id, id));
    const [before] = await db().select().from(identityProviders).where(eq(identityProviders.id, id));
    await manager.identityProviders.updateOidc({
      ...oidc("Entra ID"),
      identityProviderId: id,
      clientSecret: undefined,
    });
    const [renamed] = await db().select().from(identityProviders).where(eq(identityProviders.id, id));
    expect(renamed).toMatchObject({ name: "Entra ID", clientSecretEncrypted: before!.clientSecretEncrypted });
    expect(renamed!.testedAt).not.toBeNull();

    await manager.identityProviders.updateOidc({ ...oidc("Entra ID"), identityProviderId: id, clientSecret: "new" });
    const [replaced] = await db().select().from(identityProviders).where(eq(identityProviders.id, id));
    expect(replaced!.clientSecretEncrypted).not.toBe(before!.clientSecretEncrypted);
    expect(replaced!.testedAt).toBeNull();
  });
});

describe("identity providers", () => {
  it("have names unique per team, and a SAML provider needs its metadata", async () => {
    await expect(manager.identityProviders.createOidc(oidc("okta"))).rejects.toThrow(
      "An identity provider named “okta” already exists in this team. Choose another name.",
    );
    await expect(manager.identityProviders.createSaml({ teamId: acme, name: "ADFS" })).rejects.toThrow(
      "Give the provider's metadata URL or paste its metadata XML.",
    );
    await expect(
      manager.identityProviders.createOidc({ ...oidc("Bad"), issuer: "ftp://login.example" }),
    ).rejects.toThrow("Enter the issuer URL, like https://login.example.com.");
  });

  it("cannot be deleted while some members have no other way to sign in, and say how many", async () => {
    const { id } = await manager.identityProviders.createOidc(oidc("Only way"));
    const [person] = await db()
      .insert(accounts)
      .values({ email: "sso.only@acme.example", name: "Sso Only", passwordHash: null, managedByTeamId: acme })
      .returning();
    await db().insert(externalIdentities).values({ identityProviderId: id, subject: "only", accountId: person!.id });
    await db().insert(memberships).values({ teamId: acme, accountId: person!.id, identityProviderId: id });
    await expect(manager.identityProviders.delete({ teamId: acme, identityProviderId: id })).rejects.toThrow(
      "1 member signs in only through Only way.",
    );
    await db().update(accounts).set({ passwordHash: "set-elsewhere" }).where(eq(accounts.id, person!.id));
    await manager.identityProviders.delete({ teamId: acme, identityProviderId: id });
    expect((await manager.identityProviders.list({ teamId: acme })).map((p) => p.name)).not.toContain("Only way");
  });

  it("are the managers' business only", async () => {
    const member = await callerForEmail(db(), "member@acme.example");
    await expect(member.identityProviders.list({ teamId: acme })).rejects.toThrow(/does not allow you/);
    await expect(member.identityProviders.createOidc(oidc("Mine"))).rejects.toThrow(/does not allow you/);
  });
});
