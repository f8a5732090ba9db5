import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, recoveryCodes, sessions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";

const database = setUpTestDatabase();
const clock = fixedClock("2026-04-04T10:00:00Z");

async function callerFor(email: string) {
  return createCaller(contextFor(database.handle.db, await accountActor(database.handle.db, email), { clock }));
}
async function accountRow(email: string) {
  const [row] = await database.handle.db.select().from(accounts).where(eq(accounts.email, email));
  return row!;
}

describe("downloading one's data", () => {
  it("holds the profile with the phone readable, memberships with team and group names, sessions and the account's own audit events", async () => {
    const api = await callerFor("priya.nair@acme.example");
    await api.profile.update({ name: "Priya Nair", phone: "+91 22 1234 5678", language: "en" });
    const account = await accountRow("priya.nair@acme.example");
    await database.handle.db.insert(sessions).values({
      accountId: account.id,
      createdAt: clock.now(),
      lastSeenAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 60_000),
      ip: "198.51.100.4",
      userAgent: "Export Browser",
    });

    const data = await api.profile.exportData();

    expect(data.account).toMatchObject({
      id: account.id,
      email: "priya.nair@acme.example",
      name: "Priya Nair",
      phone: "+912212345678",
      language: "en",
      managedByTeam: { name: "Acme Corp" },
      twoStepVerification: { enabled: false, enabledAt: null },
      recoveryCodes: { total: 0, unused: 0 },
    });
    expect(data.memberships.map((m) => [m.teamName, m.role, m.groups])).toEqual([
      ["Acme Connect", "member", []],
      ["Acme Corp", "member", ["Operations", "Sales"]],
    ]);
    expect(data.sessions).toEqual([
      expect.objectContaining({ ip: "198.51.100.4", userAgent: "Export Browser", endedAt: null }),
    ]);
    expect(data.auditEvents.map((e) => e.action)).toEqual(["account.profile_updated"]);
  });

  it("never contains a password hash, TOTP secret or code hash, only counts of recovery codes", async () => {
    const account = await accountRow("grace.lee@acme.example");
    await database.handle.db
      .update(accounts)
      .set({ totpSecretEncrypted: "v1.ktest.secret-iv.secret-body", totpEnabledAt: clock.now() })
      .where(eq(accounts.id, account.id));
    await database.handle.db.insert(recoveryCodes).values([
      { accountId: account.id, codeHash: "recovery-hash-one" },
      { accountId: account.id, codeHash: "recovery-hash-two", usedAt: clock.now() },
    ]);

    const data = await (await callerFor("grace.lee@acme.example")).profile.exportData();
    const json = JSON.stringify(data);

    expect(data.account.recoveryCodes).toEqual({ total: 2, unused: 1 });
    expect(data.account.twoStepVerification.enabled).toBe(true);
    for (const secret of [account.passwordHash!, "$argon2", "secret-body", "recovery-hash-one", "recovery-hash-two"]) {
      expect(json).not.toContain(secret);
    }
  });

  it("lists the audit events the account caused, in every chain, and records the download", async () => {
    const owner = await accountRow("owner@acme.example");
    const api = await callerFor("owner@acme.example");
    // The seeding process encrypted the demo phone with its own key ring, not the tests' one.
    await database.handle.db.update(accounts).set({ phoneEncrypted: null }).where(eq(accounts.id, owner.id));
    const data = await api.profile.exportData();
    expect(data.auditEvents.length).toBeGreaterThan(5);
    expect(new Set(data.auditEvents.map((e) => e.teamName))).toEqual(new Set(["Acme Corp", "Acme Connect"]));
    expect(data.auditEvents.map((e) => e.action)).toContain("team.created");

    const [recorded] = await database.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          isNull(auditEvents.teamId),
          eq(auditEvents.action, "account.data_exported"),
          eq(auditEvents.actorId, owner.id),
        ),
      );
    expect(recorded).toMatchObject({ targetId: owner.id, occurredAt: clock.now() });
  });
});
