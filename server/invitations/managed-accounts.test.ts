import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accounts, auditEvents } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { noRequest } from "../actor";
import { systemClock } from "../clock";
import { createCaller } from "../routers/root";
import { callerForEmail, contextFor } from "../testing/callers";
import { demoTeamId, membershipOf } from "../testing/demo";
import { refusal } from "../testing/refusal";
import { signInWithPassword } from "../testing/sign-in";

const database = setUpTestDatabase();
const as = (email: string) => callerForEmail(database.handle.db, email);
const anonymous = () => createCaller(contextFor(database.handle.db));
const PASSWORD = "Harbour-Lantern-42";
let acmeId: string;
let connectId: string;

beforeAll(async () => {
  acmeId = await demoTeamId(database.handle.db, "Acme Corp");
  connectId = await demoTeamId(database.handle.db, "Acme Connect");
});

/** The first match of `pattern` in the newest mail to this address. */
async function fromNewestMail(email: string, pattern: RegExp): Promise<string> {
  const mails = await (await as("manager@acme.example")).dev.mailbox({ to: email });
  const match = pattern.exec(mails[0]!.text);
  expect(match, `the newest mail to ${email} should match ${pattern}`).not.toBeNull();
  return match![1]!;
}

async function invite(teamId: string, email: string, licensed: boolean): Promise<string> {
  const manager = await as(teamId === acmeId ? "manager@acme.example" : "owner@acme.example");
  await manager.invitations.invite({ teamId, emails: [email], role: "member", licensed, groupIds: [] });
  return fromNewestMail(email, /\/invitations\/([A-Za-z0-9_-]+)/);
}

/** Signs up (optionally from an invitation link) and verifies the mailed code, as the sign-up pages do. */
async function signUpAndVerify(email: string, invitationToken?: string) {
  await anonymous().auth.signUp({ name: "New Hire", email, password: PASSWORD, invitationToken });
  const code = await fromNewestMail(email, /verification code is (\d{6})/);
  await anonymous().auth.verifyEmail({ email, code });
}

async function managingTeamOf(email: string) {
  const [row] = await database.handle.db
    .select({ managedByTeamId: accounts.managedByTeamId, id: accounts.id })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, email));
  return row!;
}

async function memberRow(teamId: string, email: string) {
  const { members } = await (await as("manager@acme.example")).members.list({ teamId, search: email });
  return members.find((m) => m.email === email)!;
}

describe("an account brought into being by a team's invitation", () => {
  it("is managed by the inviting team from the transaction that creates it, audited in that team's log", async () => {
    const email = "new.hire@partner.example";
    const token = await invite(acmeId, email, true);
    await signUpAndVerify(email, token);

    const account = await managingTeamOf(email);
    expect(account.managedByTeamId).toBe(acmeId);
    const [created] = await database.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.created"), eq(auditEvents.targetId, account.id)));
    expect(created!.teamId).toBe(acmeId);
    expect(created!.after).toMatchObject({ email, managedByTeamId: acmeId });

    await (await as(email)).invitations.accept({ token });
    expect(await memberRow(acmeId, email)).toMatchObject({ managed: true, licensed: true, status: "active" });
    const { members: managedOnly } = await (await as("manager@acme.example")).members.list({
      teamId: acmeId,
      type: "managed",
      search: email,
    });
    expect(managedOnly.map((m) => m.email)).toEqual([email]);
  });

  it("can be deactivated: its sessions end, its licence is freed, and it cannot sign in until reactivated", async () => {
    const email = "leaver@partner.example";
    const token = await invite(acmeId, email, true);
    await signUpAndVerify(email, token);
    await (await as(email)).invitations.accept({ token });
    const ctx = { clock: systemClock, request: noRequest };
    const session = await signInWithPassword(database.handle.db, ctx, { email, password: PASSWORD });
    expect(session).not.toBeNull();

    const manager = await as("manager@acme.example");
    const membership = await membershipOf(database.handle.db, acmeId, email);
    const seatsBefore = (await manager.members.seats({ teamId: acmeId }))!.used;
    await manager.members.deactivate({ teamId: acmeId, membershipId: membership!.id });

    expect(await memberRow(acmeId, email)).toMatchObject({ status: "deactivated", managed: true });
    expect((await manager.members.seats({ teamId: acmeId }))!.used).toBe(seatsBefore - 1);
    const { resolveSession } = await import("../auth/sessions");
    expect(await resolveSession(database.handle.db, session!.sessionId, systemClock)).toBeNull();
    await expect(signInWithPassword(database.handle.db, ctx, { email, password: PASSWORD })).rejects.toThrow(
      /Your account was deactivated by Acme Corp, which manages it/,
    );

    await manager.members.reactivate({ teamId: acmeId, membershipId: membership!.id });
    expect(await memberRow(acmeId, email)).toMatchObject({ status: "active" });
    expect(await signInWithPassword(database.handle.db, ctx, { email, password: PASSWORD })).not.toBeNull();
  });

  it("is external when the sign-up carries no invitation, another address's invitation, or a withdrawn one", async () => {
    await signUpAndVerify("walk.in@partner.example");
    expect((await managingTeamOf("walk.in@partner.example")).managedByTeamId).toBeNull();

    const othersToken = await invite(acmeId, "someone.else@partner.example", false);
    await signUpAndVerify("impostor@partner.example", othersToken);
    expect((await managingTeamOf("impostor@partner.example")).managedByTeamId).toBeNull();

    const withdrawnToken = await invite(acmeId, "withdrawn@partner.example", false);
    const manager = await as("manager@acme.example");
    const { invitations } = await manager.invitations.list({ teamId: acmeId });
    await manager.invitations.revoke({
      teamId: acmeId,
      invitationId: invitations.find((i) => i.email === "withdrawn@partner.example")!.id,
    });
    await signUpAndVerify("withdrawn@partner.example", withdrawnToken);
    expect((await managingTeamOf("withdrawn@partner.example")).managedByTeamId).toBeNull();
  });
});

describe("an existing account that accepts an invitation", () => {
  it("joins as external: it can be removed from the team but not deactivated", async () => {
    const email = "already.here@partner.example";
    await signUpAndVerify(email);
    const token = await invite(acmeId, email, false);
    await (await as(email)).invitations.accept({ token });
    expect((await managingTeamOf(email)).managedByTeamId).toBeNull();
    expect(await memberRow(acmeId, email)).toMatchObject({ managed: false, status: "active" });

    const manager = await as("manager@acme.example");
    const membership = await membershipOf(database.handle.db, acmeId, email);
    const refused = await refusal(manager.members.deactivate({ teamId: acmeId, membershipId: membership!.id }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(
      /is an external user: the team does not manage that account. Remove them from the team instead/,
    );
    expect((await membershipOf(database.handle.db, acmeId, email))!.status).toBe("active");

    await manager.members.remove({ teamId: acmeId, membershipId: membership!.id });
    expect(await membershipOf(database.handle.db, acmeId, email)).toBeUndefined();
  });

  it("keeps the team that manages it when it joins another team", async () => {
    const token = await invite(connectId, "member@acme.example", false);
    await (await as("member@acme.example")).invitations.accept({ token });
    expect((await managingTeamOf("member@acme.example")).managedByTeamId).toBe(acmeId);
    const { members } = await (await as("owner@acme.example")).members.list({
      teamId: connectId,
      search: "member@acme.example",
    });
    expect(members.find((m) => m.email === "member@acme.example")).toMatchObject({ managed: false });
  });
});
