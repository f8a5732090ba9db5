import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf as resultRows } from "@/db/client";
import {
  accounts,
  accountTokens,
  auditEvents,
  externalIdentities,
  groupMemberships,
  identityProviders,
  mailOutbox,
  memberships,
  recoveryCodes,
  sessions,
  teams,
} from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { noRequest } from "../actor";
import { verifyAuditChain } from "../audit/verify-chain";
import { fixedClock } from "../clock";
import { deliverDueMail } from "../mail/deliver-mail";
import { listMailbox } from "../mail/mailbox";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { demoTeamId, membershipOf } from "../testing/demo";
import { issueAccountLinkToken } from "./account-tokens";
import { requestPasswordReset } from "./password-reset";

const database = setUpTestDatabase();
const clock = fixedClock("2026-04-05T10:00:00Z");

async function callerFor(email: string) {
  return createCaller(contextFor(database.handle.db, await accountActor(database.handle.db, email), { clock }));
}
async function accountRow(email: string) {
  const [row] = await database.handle.db.select().from(accounts).where(eq(accounts.email, email));
  return row!;
}
async function rowsOf(table: typeof memberships | typeof recoveryCodes | typeof accountTokens, accountId: string) {
  const [row] = await database.handle.db.select({ n: count() }).from(table).where(eq(table.accountId, accountId));
  return row!.n;
}

describe("deleting one's account", () => {
  it("forgets the identity an identity provider vouched for, so signing in there again starts afresh", async () => {
    const david = await accountRow("david.cohen@acme.example");
    const [provider] = await database.handle.db.select().from(identityProviders).limit(1);
    await database.handle.db
      .insert(externalIdentities)
      .values({ identityProviderId: provider!.id, subject: "david-at-okta", accountId: david.id });
    await (await callerFor("david.cohen@acme.example")).profile.deleteAccount({ password: DEMO_PASSWORD });
    expect(
      await database.handle.db.select().from(externalIdentities).where(eq(externalIdentities.subject, "david-at-okta")),
    ).toEqual([]);
  });

  it("is refused while the account owns a team, naming the teams to transfer first", async () => {
    const owner = await accountRow("owner@acme.example");
    await expect(
      (await callerFor("owner@acme.example")).profile.deleteAccount({ password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "You own Acme Connect and Acme Corp. Transfer ownership of these teams to another member first, then delete your account.",
    });
    expect(await accountRow("owner@acme.example")).toEqual(owner);
  });

  it("needs the password typed again", async () => {
    await expect(
      (await callerFor("chloe.martin@acme.example")).profile.deleteAccount({ password: "wrong" }),
    ).rejects.toThrow("The current password is not right.");
    expect((await accountRow("chloe.martin@acme.example")).pseudonymisedAt).toBeNull();
  });

  it("removes personal data, memberships and group memberships, ends sessions and keeps audit events pointing to the account", async () => {
    const sofia = await accountRow("sofia.rossi@acme.example");
    const api = await callerFor(sofia.email);
    await api.profile.update({ name: "Sofia Rossi", phone: "+39 06 1234 5678", language: "nl" });
    await database.handle.db.insert(sessions).values({
      accountId: sofia.id,
      createdAt: clock.now(),
      lastSeenAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 60_000),
      ip: "198.51.100.9",
      userAgent: "Deleting Browser",
    });
    await database.handle.db.insert(recoveryCodes).values({ accountId: sofia.id, codeHash: "a-recovery-hash" });
    await issueAccountLinkToken(database.handle.db, {
      accountId: sofia.id,
      purpose: "reset_password",
      now: clock.now(),
      validForMs: 60_000,
    });
    const membershipIds = (
      await database.handle.db
        .select({ id: memberships.id })
        .from(memberships)
        .where(eq(memberships.accountId, sofia.id))
    ).map((m) => m.id);
    expect(membershipIds).toHaveLength(1);

    expect(await api.profile.deleteAccount({ password: DEMO_PASSWORD })).toEqual({ teamsLeft: 1 });

    const [deleted] = await database.handle.db.select().from(accounts).where(eq(accounts.id, sofia.id));
    expect(deleted).toMatchObject({
      name: "Deleted account",
      email: `deleted-${sofia.id}@invalid`,
      passwordHash: null,
      phoneEncrypted: null,
      totpSecretEncrypted: null,
      managedByTeamId: null,
      pseudonymisedAt: clock.now(),
    });
    expect(await rowsOf(memberships, sofia.id)).toBe(0);
    expect(await rowsOf(recoveryCodes, sofia.id)).toBe(0);
    expect(await rowsOf(accountTokens, sofia.id)).toBe(0);
    const [groupRows] = await database.handle.db
      .select({ n: count() })
      .from(groupMemberships)
      .where(inArray(groupMemberships.membershipId, membershipIds));
    expect(groupRows!.n).toBe(0);
    const openSessions = await database.handle.db.select().from(sessions).where(eq(sessions.accountId, sofia.id));
    expect(openSessions.every((s) => s.endedAt !== null && s.ip === null && s.userAgent === null)).toBe(true);

    const [acme] = await database.handle.db.select({ id: teams.id }).from(teams).where(eq(teams.name, "Acme Corp"));
    const [left] = await database.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.teamId, acme!.id),
          eq(auditEvents.action, "membership.removed"),
          eq(auditEvents.targetId, membershipIds[0]!),
        ),
      );
    expect(left).toMatchObject({ actorId: sofia.id, after: { reason: "account_deleted" } });
    const [platform] = await database.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(isNull(auditEvents.teamId), eq(auditEvents.action, "account.deleted"), eq(auditEvents.targetId, sofia.id)),
      );
    expect(platform).toMatchObject({ actorId: sofia.id, after: { teamsLeft: 1, pseudonymised: true } });
    // Earlier events stay as they were, so both chains still verify.
    expect(await verifyAuditChain(database.handle.db, acme!.id)).toMatchObject({ valid: true });
    expect(await verifyAuditChain(database.handle.db, null)).toMatchObject({ valid: true });

    await expect(api.profile.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("leaves every team the account was in, recording the departure in each team's log", async () => {
    const priya = await accountRow("priya.nair@acme.example");
    expect(await rowsOf(memberships, priya.id)).toBe(2);
    expect(await (await callerFor(priya.email)).profile.deleteAccount({ password: DEMO_PASSWORD })).toEqual({
      teamsLeft: 2,
    });
    expect(await rowsOf(memberships, priya.id)).toBe(0);
    const removals = await database.handle.db
      .select({ team: teams.name })
      .from(auditEvents)
      .innerJoin(teams, eq(teams.id, auditEvents.teamId))
      .where(and(eq(auditEvents.action, "membership.removed"), eq(auditEvents.actorId, priya.id)));
    expect(removals.map((r) => r.team).sort()).toEqual(["Acme Connect", "Acme Corp"]);
  });

  it("pseudonymises the person in every audit event, deletes invitations and mail to any of their addresses, and every chain still verifies", async () => {
    const { db } = database.handle;
    const emma = await accountRow("emma.dubois@acme.example");
    const acmeId = await demoTeamId(db, "Acme Corp");
    const connectId = await demoTeamId(db, "Acme Connect");
    const newAddress = "emma.moved@elsewhere.example";
    // A trail under her first address: a manager's change to her membership, then an email change.
    const manager = createCaller(contextFor(db, await accountActor(db, "manager@acme.example"), { clock }));
    const membershipId = (await membershipOf(db, acmeId, emma.email))!.id;
    await manager.members.changeRole({ teamId: acmeId, membershipId, role: "manager" });
    const emmaApi = await callerFor(emma.email);
    await emmaApi.profile.requestEmailChange({ newEmail: newAddress, password: DEMO_PASSWORD });
    const [confirmation] = await listMailbox(db, newAddress);
    await emmaApi.profile.confirmEmailChange({ token: /confirm-email\/(\S+)/.exec(confirmation!.text)![1]! });
    // An invitation to her new address from a team she is not in, and a reset mail.
    const owner = createCaller(contextFor(db, await accountActor(db, "owner@acme.example"), { clock }));
    await owner.invitations.invite({
      teamId: connectId,
      emails: [newAddress],
      role: "member",
      licensed: false,
      groupIds: [],
    });
    await requestPasswordReset(db, { clock, request: noRequest }, newAddress);
    const traces = [emma.email, newAddress, emma.name];
    const rowsMentioning = async (table: string) =>
      resultRows<{ row: string }>(await db.execute(sql.raw(`select t::text as row from ${table} t`))).filter((r) =>
        traces.some((trace) => r.row.toLowerCase().includes(trace.toLowerCase())),
      );
    expect((await rowsMentioning("audit_events")).length).toBeGreaterThan(3);
    expect(await rowsMentioning("invitations")).toHaveLength(1);

    await (await callerFor(newAddress)).profile.deleteAccount({ password: DEMO_PASSWORD });

    expect(await rowsMentioning("audit_events")).toEqual([]);
    expect(await rowsMentioning("audit_personal_fields")).toEqual([]);
    expect(await rowsMentioning("invitations")).toEqual([]);
    expect(await rowsMentioning("accounts")).toEqual([]);
    // Only the notice of the deletion waits for its address, and its row goes once it is sent.
    const waiting = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, newAddress));
    expect(waiting.map((m) => m.eraseWhenSent)).toEqual([true]);
    await deliverDueMail(db, { send: async () => undefined }, clock, 1000);
    expect(await rowsMentioning("mail_outbox")).toEqual([]);

    const [roleChange] = await db
      .select({ before: auditEvents.before })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.teamId, acmeId),
          eq(auditEvents.action, "membership.role_changed"),
          eq(auditEvents.targetId, membershipId),
        ),
      );
    expect(roleChange!.before).toEqual({ email: `deleted-${emma.id}@invalid`, role: "member" });
    for (const chain of [acmeId, connectId, null])
      expect(await verifyAuditChain(db, chain)).toMatchObject({ valid: true });
  });
});
