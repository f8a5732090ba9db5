import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, rowsOf } from "@/db/client";
import { auditEvents, customApps, hosts, mailOutbox, notifications } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { type HostsEmulator, startHostsEmulator } from "@/hosts-emulator/emulator";
import { DEMO_PASSWORD, DEMO_SUPPORT_TOTP_SECRET } from "@/server/demo/seed";
import { type DnsPeer, startDnsPeer } from "@/sso-peers/dns-server";
import { createAccount } from "../accounts/create-account";
import { noRequest, systemActor } from "../actor";
import { totpCodeAt } from "../auth/totp";
import { fixedClock } from "../clock";
import { openMailContent } from "../mail/mail-content";
import { generateScimToken } from "../scim/scim-token";
import { removeStaff } from "../support/add-staff";
import { membershipOf } from "../testing/demo";
import { callProcedure, outcomeOf, rolledBack, routerProcedures } from "../testing/procedures";
import { requestContext } from "../testing/request-context";
import { signInWithPassword } from "../testing/sign-in";
import { buildWalkWorld, type WalkWorld } from "../testing/walk-world";
import { createCaller } from "./root";

const database = setUpTestDatabase();
const clock = fixedClock(new Date());
let world: WalkWorld;
let loner = "";
/** Publishes the TXT records that verify domains. */
let dns: DnsPeer;
/** A FileMaker Server for Acme Corp to connect. */
let fileMakerServer: HostsEmulator;

const STRONG_PASSWORD = "Granite-Harbour-Lantern-2026";

beforeAll(async () => {
  const db = database.handle.db;
  dns = await startDnsPeer({ port: 0 });
  fileMakerServer = await startHostsEmulator({
    hosts: [
      {
        id: "walk-office",
        adminUser: "fmsadmin",
        adminPassword: "walk-admin-password",
        databases: [{ filename: "Orders.fmp12", sizeBytes: 1_000_000 }],
      },
    ],
  });
  process.env.DNS_SERVERS = `127.0.0.1:${dns.port}`;
  world = await buildWalkWorld(db, clock);
  await createAccount(
    db,
    { actor: systemActor("Router walk"), clock, request: noRequest },
    { email: "loner@example.com", name: "Lone Ranger", password: DEMO_PASSWORD, emailVerified: true },
  );
  loner = (await signInWithPassword(
    db,
    { clock, request: noRequest },
    { email: "loner@example.com", password: DEMO_PASSWORD },
  ))!.sessionId;
  // Refuses every audit write while the switch table has a row: the walk's way to make the audit step fail.
  await db.execute(sql`create table walk_audit_refusal (armed boolean primary key)`);
  await db.execute(
    sql.raw(`create function walk_refuse_audit() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from walk_audit_refusal) then raise exception 'audit write refused by the walk'; end if;
        return new;
      end $$`),
  );
  await db.execute(
    sql`create trigger walk_refuse_audit before insert on audit_events for each row execute function walk_refuse_audit()`,
  );
  // Authentication codes used at sign-in are not accepted again in the same 30-second step.
  clock.advance(31_000);
});
afterAll(async () => {
  delete process.env.DNS_SERVERS;
  await dns.close();
  await fileMakerServer.close();
});

type Who = "anonymous" | "owner" | "manager" | "member" | "staff" | "staffViewing" | "loner" | "otherTeamManager";

/** A successful call of one mutation, prepared inside the walk's transaction. */
interface Scenario {
  as: Who;
  /** The input, after any preparation the call needs (made in the same rolled-back transaction). */
  input?: (tx: Database) => unknown | Promise<unknown>;
  /** The audit events the call writes, in order: action, and target where the input names it. */
  events: Array<{ action: string; target?: { type: string; id?: (input: never) => string } }>;
  /** Why a mutation writes no audit event. */
  noEventBecause?: string;
}

function cookiesOf(who: Who) {
  const { people } = world;
  switch (who) {
    case "anonymous":
      return {};
    case "staff":
      return { sessionId: world.supportStaff.sessionId };
    case "staffViewing":
      return { sessionId: world.supportStaff.sessionId, supportSessionId: world.supportSessionId };
    case "loner":
      return { sessionId: loner };
    case "otherTeamManager":
      return { sessionId: people.globexManager.sessionId };
    case "member":
      return { sessionId: people.member.sessionId };
    default:
      return { sessionId: people[who].sessionId };
  }
}

async function as(tx: Database, who: Who) {
  return createCaller(await requestContext(tx, clock, cookiesOf(who)));
}

async function lastMailTo(tx: Database, to: string): Promise<string> {
  const [mail] = await tx
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, to))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  if (!mail) throw new Error(`no mail to ${to}`);
  return openMailContent(mail).text;
}

/** The token at the end of the link a mail carries (/reset-password/…, /confirm-email/…, /invitations/…). */
const tokenIn = (text: string) => /\/(?:reset-password|confirm-email|invitations)\/(\S+)/.exec(text)![1]!;
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)![1]!;
const byInput = (field: string) => (input: never) => (input as Record<string, string>)[field]!;

const acme = () => world.acme;
const membership = async (tx: Database, email: string) => (await membershipOf(tx, acme().teamId, email))!.id;

const OIDC_PROVIDER = {
  name: "Walk OIDC",
  issuer: "https://login.example.com",
  clientId: "console",
  clientSecret: "walk-secret",
};

async function walkProvider(tx: Database): Promise<string> {
  const api = await as(tx, "manager");
  return (await api.identityProviders.createOidc({ teamId: acme().teamId, ...OIDC_PROVIDER })).id;
}

/** A domain added to Acme Corp, its TXT record published so that it verifies. */
async function domainWithRecord(tx: Database): Promise<string> {
  const manager = await as(tx, "manager");
  const { id } = await manager.domains.add({ teamId: acme().teamId, domain: "acme-walk.example" });
  const { record } = (await manager.domains.list({ teamId: acme().teamId })).find((d) => d.id === id)!;
  dns.setTxt(record.name, [record.value]);
  return id;
}

/** What a look at Acme Corp's first host would have recorded: a database the host listed, a client, a schedule, a backup. */
async function observedHost(tx: Database) {
  const hostId = acme().hostId;
  const [app] = await tx
    .update(customApps)
    .set({ databaseId: "1" })
    .where(and(eq(customApps.hostId, hostId), eq(customApps.name, "Invoices")))
    .returning({ id: customApps.id });
  const at = clock.now().toISOString();
  await tx
    .update(hosts)
    .set({
      status: "running",
      liveState: {
        observedAt: at,
        clients: [
          {
            id: "c1",
            userName: "Dana Scully",
            computerName: "Workstation-10",
            ipAddress: "10.0.0.20",
            appType: "FileMaker Pro",
            connectedAt: at,
            filenames: ["Invoices.fmp12"],
          },
        ],
        schedules: [
          { id: "s1", name: "Every 20 minutes", taskType: "BACKUP", enabled: true, lastRun: null, nextRun: at },
        ],
        backups: [
          {
            id: "b1",
            scheduleId: null,
            takenAt: at,
            sizeBytes: 1000,
            databases: [{ filename: "Invoices.fmp12", sizeBytes: 1000 }],
          },
        ],
      },
    })
    .where(eq(hosts.id, hostId));
  return { teamId: acme().teamId, hostId, customAppId: app!.id };
}

const hostOperationEvents = [{ action: "host.operation_requested", target: { type: "host", id: byInput("hostId") } }];
const officeServer = () => ({
  teamId: acme().teamId,
  name: "Walk Office",
  adminApiUrl: fileMakerServer.url("walk-office"),
  adminUser: "fmsadmin",
  adminPassword: "walk-admin-password",
});

/** Every mutation of the app router and the audit it owes. A mutation missing here fails the walk. */
const SCENARIOS: Record<string, Scenario> = {
  "auth.beginSignIn": {
    as: "anonymous",
    input: () => ({ email: "member@acme.example", password: DEMO_PASSWORD }),
    events: [],
    noEventBecause: "the password step only opens a challenge; completing it writes account.signed_in",
  },
  "auth.ssoProviders": {
    as: "anonymous",
    input: () => ({ email: "sam.sso@acme-sso.example" }),
    events: [],
    noEventBecause: "it only names the providers of a verified domain; the provider sign-in is audited",
  },
  "auth.signUp": {
    as: "anonymous",
    input: () => ({ name: "Nia New", email: "nia.new@example.com", password: STRONG_PASSWORD }),
    events: [{ action: "account.created", target: { type: "account" } }],
  },
  "auth.verifyEmail": {
    as: "anonymous",
    input: async (tx) => {
      await (await as(tx, "anonymous")).auth.signUp({
        name: "Nia New",
        email: "nia.new@example.com",
        password: STRONG_PASSWORD,
      });
      return { email: "nia.new@example.com", code: codeIn(await lastMailTo(tx, "nia.new@example.com")) };
    },
    events: [{ action: "account.email_verified", target: { type: "account" } }],
  },
  "auth.resendVerificationCode": {
    as: "anonymous",
    input: async (tx) => {
      await (await as(tx, "anonymous")).auth.signUp({
        name: "Nia New",
        email: "nia.new@example.com",
        password: STRONG_PASSWORD,
      });
      return { email: "nia.new@example.com" };
    },
    events: [],
    noEventBecause: "it mails a new code to an address not yet verified; no account changes",
  },
  "auth.requestPasswordReset": {
    as: "anonymous",
    input: () => ({ email: "member@acme.example" }),
    events: [],
    noEventBecause: "it mails a reset link and answers alike for unknown addresses; the reset itself is audited",
  },
  "auth.resetPassword": {
    as: "anonymous",
    input: async (tx) => {
      await (await as(tx, "anonymous")).auth.requestPasswordReset({ email: "chloe.martin@acme.example" });
      return { token: tokenIn(await lastMailTo(tx, "chloe.martin@acme.example")), password: STRONG_PASSWORD };
    },
    events: [{ action: "account.password_reset", target: { type: "account" } }],
  },
  "profile.update": {
    as: "member",
    input: () => ({ name: "Chloé M.", phone: "+33 1 23 45 67 89", language: "nl" }),
    events: [{ action: "account.profile_updated", target: { type: "account" } }],
  },
  "profile.setLanguage": {
    as: "member",
    input: () => ({ language: "nl" }),
    events: [{ action: "account.profile_updated", target: { type: "account" } }],
  },
  "profile.requestEmailChange": {
    as: "member",
    input: () => ({ newEmail: "chloe.new@example.com", password: DEMO_PASSWORD }),
    events: [{ action: "account.email_change_requested", target: { type: "account" } }],
  },
  "profile.confirmEmailChange": {
    as: "anonymous",
    input: async (tx) => {
      await (await as(tx, "member")).profile.requestEmailChange({
        newEmail: "chloe.new@example.com",
        password: DEMO_PASSWORD,
      });
      return { token: tokenIn(await lastMailTo(tx, "chloe.new@example.com")) };
    },
    events: [{ action: "account.email_changed", target: { type: "account" } }],
  },
  "profile.changePassword": {
    as: "member",
    input: () => ({ currentPassword: DEMO_PASSWORD, newPassword: STRONG_PASSWORD }),
    events: [{ action: "account.password_changed", target: { type: "account" } }],
  },
  "profile.exportData": { as: "member", events: [{ action: "account.data_exported", target: { type: "account" } }] },
  "profile.deleteAccount": {
    as: "loner",
    input: () => ({ password: DEMO_PASSWORD }),
    events: [{ action: "account.deleted", target: { type: "account" } }],
  },
  "security.startTotp": {
    as: "member",
    input: () => ({ password: DEMO_PASSWORD }),
    events: [{ action: "account.two_step_setup_started", target: { type: "account" } }],
  },
  "security.confirmTotp": {
    as: "member",
    input: async (tx) => {
      const started = await (await as(tx, "member")).security.startTotp({ password: DEMO_PASSWORD });
      return { code: totpCodeAt(started.setupKey.replace(/\s/g, ""), clock.now()) };
    },
    events: [{ action: "account.two_step_enabled", target: { type: "account" } }],
  },
  "security.disableTotp": {
    as: "staff",
    // Staff must keep two-step verification: their rights go first, as a support admin would take them.
    input: async (tx) => {
      await removeStaff(
        tx,
        { actor: systemActor("Router walk"), clock, request: noRequest },
        "support@console.example",
      );
      return { password: DEMO_PASSWORD, code: totpCodeAt(DEMO_SUPPORT_TOTP_SECRET, clock.now()) };
    },
    events: [{ action: "account.two_step_disabled", target: { type: "account" } }],
  },
  "security.regenerateRecoveryCodes": {
    as: "staff",
    input: () => ({ password: DEMO_PASSWORD }),
    events: [{ action: "account.recovery_codes_replaced", target: { type: "account" } }],
  },
  "security.endSession": {
    as: "owner",
    input: async (tx) => {
      const other = await signInWithPassword(
        tx,
        { clock, request: noRequest },
        { email: "owner@acme.example", password: DEMO_PASSWORD },
      );
      return { sessionId: other!.sessionId };
    },
    events: [{ action: "account.session_ended", target: { type: "session", id: byInput("sessionId") } }],
  },
  "security.endOtherSessions": {
    as: "owner",
    events: [{ action: "account.other_sessions_ended", target: { type: "account" } }],
  },
  "members.checkImport": {
    as: "manager",
    input: () => ({
      teamId: acme().teamId,
      csv: "email,name,role,licensed,groups\nnew.person@acme.example,New Person,member,no,\n",
    }),
    events: [],
    noEventBecause: "it only reports what an import would do",
  },
  "members.importCsv": {
    as: "manager",
    input: () => ({
      teamId: acme().teamId,
      csv: "email,name,role,licensed,groups\nnew.person@acme.example,New Person,member,no,\n",
    }),
    events: [{ action: "invitation.imported", target: { type: "team", id: byInput("teamId") } }],
  },
  "members.changeRole": {
    as: "owner",
    input: () => ({ teamId: acme().teamId, membershipId: acme().membershipId, role: "manager" }),
    events: [{ action: "membership.role_changed", target: { type: "membership", id: byInput("membershipId") } }],
  },
  "members.setLicence": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, membershipId: acme().membershipId, licensed: false }),
    events: [{ action: "membership.licence_removed", target: { type: "membership", id: byInput("membershipId") } }],
  },
  "members.deactivate": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, membershipId: acme().membershipId }),
    events: [{ action: "membership.deactivated", target: { type: "membership", id: byInput("membershipId") } }],
  },
  "members.reactivate": {
    as: "manager",
    input: async (tx) => ({ teamId: acme().teamId, membershipId: await membership(tx, "yuki.tanaka@acme.example") }),
    events: [{ action: "membership.reactivated", target: { type: "membership", id: byInput("membershipId") } }],
  },
  "members.remove": {
    as: "manager",
    input: async (tx) => ({
      teamId: acme().teamId,
      membershipId: await membership(tx, "jade.fontaine@partner.example"),
    }),
    events: [{ action: "membership.removed", target: { type: "membership", id: byInput("membershipId") } }],
  },
  "members.transferOwnership": {
    as: "owner",
    input: async (tx) => ({ teamId: acme().teamId, membershipId: await membership(tx, "manager@acme.example") }),
    events: [{ action: "ownership.transfer_requested" }],
  },
  "members.answerOwnershipTransfer": {
    as: "manager",
    input: async (tx) => {
      const membershipId = await membership(tx, "manager@acme.example");
      await (await as(tx, "owner")).members.transferOwnership({ teamId: acme().teamId, membershipId });
      return { teamId: acme().teamId, answer: "accept" };
    },
    events: [{ action: "ownership.transferred" }],
  },
  "invitations.invite": {
    as: "manager",
    input: () => ({
      teamId: acme().teamId,
      emails: ["fresh.face@acme.example"],
      role: "member",
      licensed: false,
      groupIds: [],
    }),
    events: [{ action: "invitation.created", target: { type: "invitation" } }],
  },
  "invitations.inviteEach": {
    as: "manager",
    input: () => ({
      teamId: acme().teamId,
      emails: ["each.face@acme.example", "not an address"],
      role: "member",
      licensed: false,
      groupIds: [],
    }),
    events: [{ action: "invitation.created", target: { type: "invitation" } }],
  },
  "invitations.resend": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, invitationId: acme().invitationId }),
    events: [{ action: "invitation.resent", target: { type: "invitation", id: byInput("invitationId") } }],
  },
  "invitations.revoke": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, invitationId: acme().invitationId }),
    events: [{ action: "invitation.revoked", target: { type: "invitation", id: byInput("invitationId") } }],
  },
  "invitations.accept": {
    as: "otherTeamManager",
    input: async (tx) => {
      await (await as(tx, "manager")).invitations.invite({
        teamId: acme().teamId,
        emails: ["manager@globex.example"],
        role: "member",
        licensed: false,
        groupIds: [],
      });
      return { token: tokenIn(await lastMailTo(tx, "manager@globex.example")) };
    },
    events: [{ action: "invitation.accepted", target: { type: "membership" } }],
  },
  "hostOperations.stopHost": {
    as: "manager",
    input: async (tx) => ({ teamId: (await observedHost(tx)).teamId, hostId: acme().hostId }),
    events: hostOperationEvents,
  },
  "hostOperations.startHost": {
    as: "manager",
    input: async (tx) => {
      await tx.update(hosts).set({ status: "stopped" }).where(eq(hosts.id, acme().hostId));
      return { teamId: acme().teamId, hostId: acme().hostId };
    },
    events: hostOperationEvents,
  },
  "hostOperations.restartHost": {
    as: "manager",
    input: async (tx) => ({ teamId: (await observedHost(tx)).teamId, hostId: acme().hostId }),
    events: hostOperationEvents,
  },
  "hostOperations.openDatabase": {
    as: "manager",
    input: async (tx) => ({ ...(await observedHost(tx)), encryptionKey: "walk-key", saveKey: false }),
    events: hostOperationEvents,
  },
  "hostOperations.closeDatabase": {
    as: "manager",
    input: async (tx) => ({ ...(await observedHost(tx)), force: true }),
    events: hostOperationEvents,
  },
  "hostOperations.pauseDatabase": {
    as: "manager",
    input: observedHost,
    events: hostOperationEvents,
  },
  "hostOperations.resumeDatabase": {
    as: "manager",
    input: observedHost,
    events: hostOperationEvents,
  },
  "hostOperations.sendMessage": {
    as: "manager",
    input: async (tx) => {
      const { teamId, hostId } = await observedHost(tx);
      return { teamId, hostId, clientId: "c1", message: "Back in five minutes." };
    },
    events: hostOperationEvents,
  },
  "hostOperations.disconnectClient": {
    as: "manager",
    input: async (tx) => {
      const { teamId, hostId } = await observedHost(tx);
      return { teamId, hostId, clientId: "c1", graceSeconds: 60 };
    },
    events: hostOperationEvents,
  },
  "hostOperations.backUpNow": {
    as: "manager",
    input: async (tx) => {
      const { teamId, hostId } = await observedHost(tx);
      return { teamId, hostId };
    },
    events: hostOperationEvents,
  },
  "hostOperations.restoreBackup": {
    as: "manager",
    input: async (tx) => {
      const { teamId, hostId } = await observedHost(tx);
      return {
        teamId,
        hostId,
        backupId: "b1",
        filename: "Invoices.fmp12",
        targetName: "Invoices copy",
        replace: false,
      };
    },
    events: hostOperationEvents,
  },
  "hostOperations.runSchedule": {
    as: "manager",
    input: async (tx) => {
      const { teamId, hostId } = await observedHost(tx);
      return { teamId, hostId, scheduleId: "s1" };
    },
    events: hostOperationEvents,
  },
  "hostOperations.setScheduleEnabled": {
    as: "manager",
    input: async (tx) => {
      const { teamId, hostId } = await observedHost(tx);
      return { teamId, hostId, scheduleId: "s1", enabled: false };
    },
    events: hostOperationEvents,
  },
  "hosts.testConnection": {
    as: "manager",
    input: () => officeServer(),
    events: [],
    noEventBecause: "it only tries the details and saves nothing; connecting the server is audited",
  },
  "hosts.connectServer": {
    as: "manager",
    input: () => officeServer(),
    events: [
      { action: "host.connected", target: { type: "host" } },
      { action: "custom_app.created", target: { type: "custom_app" } },
    ],
  },
  "hosts.removeServer": {
    as: "manager",
    input: async (tx) => {
      const { id } = await (await as(tx, "manager")).hosts.connectServer(officeServer());
      return { teamId: acme().teamId, hostId: id };
    },
    events: [{ action: "host.removed", target: { type: "host", id: byInput("hostId") } }],
  },
  "groups.create": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, name: "Support" }),
    events: [{ action: "group.created", target: { type: "group" } }],
  },
  "groups.rename": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, groupId: acme().groupId, name: "Sales EMEA" }),
    events: [{ action: "group.renamed", target: { type: "group", id: byInput("groupId") } }],
  },
  "groups.setIdentityProviderGroup": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, groupId: acme().groupId, identityProviderGroup: "okta-sales" }),
    events: [{ action: "group.identity_provider_group_set", target: { type: "group", id: byInput("groupId") } }],
  },
  "groups.delete": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, groupId: acme().groupId, confirmCustomApps: true }),
    events: [{ action: "group.deleted", target: { type: "group", id: byInput("groupId") } }],
  },
  "groups.addMembers": {
    as: "manager",
    input: async (tx) => ({
      teamId: acme().teamId,
      groupId: acme().groupId,
      membershipIds: [await membership(tx, "chloe.martin@acme.example")],
    }),
    events: [{ action: "group.members_added", target: { type: "group", id: byInput("groupId") } }],
  },
  "groups.removeMembers": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, groupId: acme().groupId, membershipIds: [acme().membershipId] }),
    events: [{ action: "group.members_removed", target: { type: "group", id: byInput("groupId") } }],
  },
  "customApps.setGroups": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, customAppId: acme().customAppId, groupIds: [acme().groupId] }),
    events: [{ action: "custom_app.access_changed", target: { type: "custom_app", id: byInput("customAppId") } }],
  },
  "customApps.share": {
    as: "manager",
    input: () => ({
      teamId: acme().teamId,
      customAppId: acme().customAppId,
      groupId: acme().groupId,
      emails: ["new.colleague@acme.example", "chloe.martin@acme.example"],
    }),
    events: [
      { action: "group.members_added", target: { type: "group", id: byInput("groupId") } },
      { action: "invitation.created", target: { type: "invitation" } },
    ],
  },
  "identityProviders.createOidc": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, ...OIDC_PROVIDER }),
    events: [{ action: "identity_provider.created", target: { type: "identity_provider" } }],
  },
  "identityProviders.createSaml": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, name: "Walk SAML", samlMetadataUrl: "https://idp.example.com/metadata" }),
    events: [{ action: "identity_provider.created", target: { type: "identity_provider" } }],
  },
  "identityProviders.updateOidc": {
    as: "manager",
    input: async (tx) => ({
      teamId: acme().teamId,
      identityProviderId: await walkProvider(tx),
      ...OIDC_PROVIDER,
      clientSecret: "a-new-secret",
    }),
    events: [
      { action: "identity_provider.updated", target: { type: "identity_provider", id: byInput("identityProviderId") } },
      {
        action: "identity_provider.secret_replaced",
        target: { type: "identity_provider", id: byInput("identityProviderId") },
      },
    ],
  },
  "identityProviders.updateSaml": {
    as: "manager",
    input: async (tx) => {
      const api = await as(tx, "manager");
      const { id } = await api.identityProviders.createSaml({
        teamId: acme().teamId,
        name: "Walk SAML",
        samlMetadataUrl: "https://idp.example.com/metadata",
      });
      return {
        teamId: acme().teamId,
        identityProviderId: id,
        name: "Walk SAML 2",
        samlMetadataXml: "<EntityDescriptor/>",
      };
    },
    events: [
      { action: "identity_provider.updated", target: { type: "identity_provider", id: byInput("identityProviderId") } },
    ],
  },
  "identityProviders.setEnabled": {
    as: "manager",
    input: async (tx) => ({ teamId: acme().teamId, identityProviderId: await walkProvider(tx), enabled: false }),
    events: [
      {
        action: "identity_provider.disabled",
        target: { type: "identity_provider", id: byInput("identityProviderId") },
      },
    ],
  },
  "identityProviders.testConnection": {
    as: "manager",
    // login.example.com does not resolve here: the test fails, and says so in the audit log.
    input: async (tx) => ({ teamId: acme().teamId, identityProviderId: await walkProvider(tx) }),
    events: [
      {
        action: "identity_provider.connection_tested",
        target: { type: "identity_provider", id: byInput("identityProviderId") },
      },
    ],
  },
  "identityProviders.delete": {
    as: "manager",
    input: async (tx) => ({ teamId: acme().teamId, identityProviderId: await walkProvider(tx) }),
    events: [
      { action: "identity_provider.deleted", target: { type: "identity_provider", id: byInput("identityProviderId") } },
    ],
  },
  "settings.updateSsoRequirement": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, ssoRequired: false, breakGlassEmails: "manager@acme.example" }),
    events: [{ action: "settings.updated", target: { type: "team" } }],
  },
  "apiKeys.create": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, name: "Walk ERP", expiresInDays: 30, scopes: ["members.read"] }),
    events: [{ action: "api_key.created", target: { type: "api_key" } }],
  },
  "apiKeys.revoke": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, apiKeyId: acme().apiKeyId }),
    events: [{ action: "api_key.revoked", target: { type: "api_key", id: byInput("apiKeyId") } }],
  },
  "webhooks.create": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, url: "https://93.184.215.14/walk-new", eventTypes: ["group.created"] }),
    events: [{ action: "webhook.endpoint_created", target: { type: "webhook_endpoint" } }],
  },
  "webhooks.update": {
    as: "manager",
    input: () => ({
      teamId: acme().teamId,
      webhookEndpointId: acme().webhookEndpointId,
      url: "https://93.184.215.14/walk-moved",
      eventTypes: ["*"],
      description: "Walk receiver",
    }),
    events: [
      { action: "webhook.endpoint_updated", target: { type: "webhook_endpoint", id: byInput("webhookEndpointId") } },
    ],
  },
  "webhooks.rotateSecret": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, webhookEndpointId: acme().webhookEndpointId }),
    events: [
      { action: "webhook.secret_rotated", target: { type: "webhook_endpoint", id: byInput("webhookEndpointId") } },
    ],
  },
  "webhooks.setEnabled": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, webhookEndpointId: acme().webhookEndpointId, enabled: false }),
    events: [
      { action: "webhook.endpoint_disabled", target: { type: "webhook_endpoint", id: byInput("webhookEndpointId") } },
    ],
  },
  "webhooks.delete": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, webhookEndpointId: acme().webhookEndpointId }),
    events: [
      { action: "webhook.endpoint_deleted", target: { type: "webhook_endpoint", id: byInput("webhookEndpointId") } },
    ],
  },
  "webhooks.sendTest": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, webhookEndpointId: acme().webhookEndpointId }),
    events: [{ action: "webhook.test_sent", target: { type: "webhook_endpoint", id: byInput("webhookEndpointId") } }],
  },
  "webhooks.resend": {
    as: "manager",
    input: () => ({
      teamId: acme().teamId,
      webhookEndpointId: acme().webhookEndpointId,
      webhookDeliveryId: acme().webhookDeliveryId,
    }),
    events: [
      { action: "webhook.delivery_resent", target: { type: "webhook_delivery", id: byInput("webhookDeliveryId") } },
    ],
  },
  "domains.add": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, domain: "acme-walk.example" }),
    events: [{ action: "domain.added", target: { type: "domain" } }],
  },
  "domains.verify": {
    as: "manager",
    input: async (tx) => ({ teamId: acme().teamId, domainId: await domainWithRecord(tx) }),
    events: [{ action: "domain.verified", target: { type: "domain", id: byInput("domainId") } }],
  },
  "domains.remove": {
    as: "manager",
    input: async (tx) => ({ teamId: acme().teamId, domainId: await domainWithRecord(tx) }),
    events: [{ action: "domain.removed", target: { type: "domain", id: byInput("domainId") } }],
  },
  "scim.generateToken": {
    as: "manager",
    input: () => ({ teamId: acme().teamId }),
    events: [{ action: "scim_token.generated", target: { type: "scim_token" } }],
  },
  "scim.revokeToken": {
    as: "manager",
    input: async (tx) => {
      await generateScimToken(
        tx,
        { actor: systemActor("Router walk"), clock, request: noRequest },
        { teamId: acme().teamId },
      );
      return { teamId: acme().teamId };
    },
    events: [{ action: "scim_token.revoked", target: { type: "scim_token" } }],
  },
  "settings.updateTransferApprovals": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, transferInRequiresApproval: false, transferOutRequiresApproval: true }),
    events: [{ action: "settings.updated", target: { type: "team" } }],
  },
  "accountTransfers.request": {
    as: "member",
    input: () => ({ fromTeamId: acme().teamId, toTeamId: world.globex.teamId }),
    // In both teams' logs: Globex's first, its chain being the shorter one.
    events: [
      { action: "account_transfer.requested", target: { type: "account_transfer" } },
      { action: "account_transfer.requested", target: { type: "account_transfer" } },
    ],
  },
  "accountTransfers.cancel": {
    as: "member",
    input: async (tx) => {
      const { id } = await (await as(tx, "member")).accountTransfers.request({
        fromTeamId: acme().teamId,
        toTeamId: world.globex.teamId,
      });
      return { transferId: id };
    },
    events: [
      { action: "account_transfer.cancelled", target: { type: "account_transfer", id: byInput("transferId") } },
      { action: "account_transfer.cancelled", target: { type: "account_transfer", id: byInput("transferId") } },
    ],
  },
  "accountTransfers.answer": {
    as: "manager",
    // Globex's member asked to join Acme Corp, which alone must approve: the Allow moves them.
    input: () => ({ teamId: acme().teamId, transferId: acme().transferId, answer: "allow" }),
    events: [
      { action: "account_transfer.allowed", target: { type: "account_transfer", id: byInput("transferId") } },
      { action: "account_transfer.completed", target: { type: "membership" } },
      { action: "account_transfer.allowed", target: { type: "account_transfer", id: byInput("transferId") } },
      { action: "account_transfer.completed", target: { type: "membership" } },
    ],
  },
  "settings.updateRetention": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, departedUserRetentionDays: 30 }),
    events: [{ action: "settings.updated", target: { type: "team" } }],
  },
  "audit.verify": {
    as: "manager",
    input: () => ({ teamId: acme().teamId }),
    events: [],
    noEventBecause: "it signs the chain's current head; an event would move the head past the signature it just made",
  },
  "settings.updateManagedUsers": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, managedUsersMayChangeEmail: false, managedUsersMayChangeName: false }),
    events: [{ action: "settings.updated", target: { type: "team", id: byInput("teamId") } }],
  },
  "teams.create": {
    as: "loner",
    input: () => ({ product: "claris_connect", name: "Loner Labs", planCode: "connect-starter" }),
    events: [
      { action: "team.created", target: { type: "team" } },
      { action: "subscription.trial_started", target: { type: "subscription" } },
    ],
  },
  "teams.rename": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, name: "Acme Corporation" }),
    events: [{ action: "team.renamed", target: { type: "team", id: byInput("teamId") } }],
  },
  "subscription.setBillingContact": {
    as: "owner",
    input: () => ({ teamId: acme().teamId, name: "Bea Books", email: "books@acme.example" }),
    events: [{ action: "team.billing_contact_set", target: { type: "team", id: byInput("teamId") } }],
  },
  "settings.updateSecurity": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, sessionIdleMinutes: 30 }),
    events: [{ action: "settings.updated" }],
  },
  "subscription.confirmChange": {
    as: "owner",
    input: async (tx) => {
      const preview = await (await as(tx, "owner")).subscription.previewChange({
        teamId: acme().teamId,
        change: { extraStorageGb: 10 },
      });
      return {
        teamId: acme().teamId,
        change: { extraStorageGb: 10 },
        idempotencyKey: preview.idempotencyKey,
        expectedVersion: preview.version,
        expectedTotalCents: preview.quote.totalCents,
      };
    },
    events: [{ action: "subscription.changed" }],
  },
  "subscription.cancel": {
    as: "owner",
    input: async (tx) => ({
      teamId: acme().teamId,
      expectedVersion: await subscriptionVersion(tx),
      reason: "Moving on",
    }),
    events: [{ action: "subscription.cancelled" }],
  },
  "subscription.reactivate": {
    as: "owner",
    input: async (tx) => {
      const owner = await as(tx, "owner");
      await owner.subscription.cancel({ teamId: acme().teamId, expectedVersion: await subscriptionVersion(tx) });
      return { teamId: acme().teamId, expectedVersion: await subscriptionVersion(tx) };
    },
    events: [{ action: "subscription.reactivated" }],
  },
  "subscription.renew": {
    as: "owner",
    input: async (tx) => {
      // Ended yesterday, as the renewal job leaves a team whose subscription ran out.
      await tx.execute(
        sql`update subscriptions set status = 'expired', version = version + 1 where team_id = ${acme().teamId}`,
      );
      await tx.execute(
        sql`update teams set status = 'terminated', terminated_at = ${new Date(clock.now().getTime() - 86_400_000).toISOString()}::timestamptz where id = ${acme().teamId}`,
      );
      const preview = await (await as(tx, "owner")).subscription.previewRenewal({ teamId: acme().teamId });
      return {
        teamId: acme().teamId,
        idempotencyKey: preview.idempotencyKey,
        expectedVersion: preview.version,
        expectedTotalCents: preview.quote.totalCents,
      };
    },
    events: [{ action: "subscription.renewed" }],
  },
  "subscription.addPaymentMethod": {
    as: "owner",
    input: async (tx) => ({
      teamId: acme().teamId,
      provider: "invoice",
      idempotencyKey: randomUUID(),
      expectedVersion: await subscriptionVersion(tx),
    }),
    events: [{ action: "payment_method.added" }],
  },
  "supportAccess.grant": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, hours: 2, note: "Ticket 77" }),
    events: [{ action: "support.access_granted", target: { type: "support_grant" } }],
  },
  "supportAccess.revoke": {
    as: "manager",
    input: () => ({ teamId: acme().teamId, grantId: acme().grantId }),
    events: [{ action: "support.access_revoked", target: { type: "support_grant", id: byInput("grantId") } }],
  },
  "staffConsole.open": {
    as: "staff",
    input: () => ({ teamId: acme().teamId, reason: "Ticket 78: invoices look wrong" }),
    events: [{ action: "support.session.started", target: { type: "support_session" } }],
  },
  "staffConsole.exit": {
    as: "staffViewing",
    events: [
      { action: "support.session.ended", target: { type: "support_session", id: () => world.supportSessionId } },
    ],
  },
  "staffConsole.viewAs": {
    as: "staffViewing",
    input: () => ({ membershipId: acme().membershipId }),
    events: [{ action: "support.view_as_member", target: { type: "membership", id: byInput("membershipId") } }],
  },
  "notifications.open": {
    as: "manager",
    input: async (tx) => ({ id: await managerNotification(tx) }),
    events: [],
    noEventBecause: "reading one's own notification changes only that person's inbox",
  },
  "notifications.markAllRead": {
    as: "manager",
    input: async (tx) => {
      await managerNotification(tx);
      return {};
    },
    events: [],
    noEventBecause: "marking one's own notifications read changes only that person's inbox",
  },
  "notifications.delete": {
    as: "manager",
    input: async (tx) => ({ id: await managerNotification(tx) }),
    events: [],
    noEventBecause: "deleting one's own notification changes only that person's inbox",
  },
  "notifications.setEmailPreferences": {
    as: "manager",
    input: () => ({ email: { host_unreachable: false } }),
    events: [{ action: "account.email_preferences_changed", target: { type: "account" } }],
  },
};

/** A notification of Acme Corp for its manager, as the dispatcher would have written it. */
async function managerNotification(tx: Database): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      accountId: world.people.manager.accountId,
      teamId: acme().teamId,
      kind: "host_unreachable",
      params: { team: "Acme Corp", host: "Acme Production" },
      link: `/teams/${acme().teamId}/hosts/${acme().hostId}`,
      eventId: randomUUID(),
      createdAt: clock.now(),
    })
    .returning({ id: notifications.id });
  return row!.id;
}

async function subscriptionVersion(tx: Database): Promise<number> {
  const [row] = rowsOf<{ version: number }>(
    await tx.execute(sql`select version from subscriptions where team_id = ${acme().teamId}`),
  );
  return Number(row!.version);
}

/** One digest per table: equal digests before and after a call mean the call changed nothing. */
async function fingerprint(tx: Database): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    // rate_limits is left out: mail and code budgets are spent before the change, on purpose, so a failed attempt still counts.
    await tx.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('walk_audit_refusal', 'rate_limits') order by 1`,
    ),
  );
  const union = tables
    .map(
      ({ name }) =>
        `select '${name}' as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${name}" t`,
    )
    .join(" union all ");
  const rows = rowsOf<{ name: string; digest: string }>(await tx.execute(sql.raw(union)));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

async function auditIds(tx: Database): Promise<Set<string>> {
  return new Set((await tx.select({ id: auditEvents.id }).from(auditEvents)).map((r) => r.id));
}

describe("every mutation writes its audit event", () => {
  it("names every mutation of the app router in the walk", () => {
    const mutations = routerProcedures()
      .filter((p) => p.type === "mutation")
      .map((p) => p.path);
    const unnamed = mutations.filter((path) => !(path in SCENARIOS));
    expect(unnamed, "mutations the audit walk does not know: add a scenario with the events each writes").toEqual([]);
    expect(Object.keys(SCENARIOS).filter((path) => !mutations.includes(path))).toEqual([]);
  });

  const mutations = Object.keys(SCENARIOS);
  it.each(mutations)("%s", async (path) => {
    const scenario = SCENARIOS[path]!;
    await rolledBack(database.handle.db, async (tx) => {
      const input = await scenario.input?.(tx);
      const caller = await as(tx, scenario.as);

      if (scenario.events.length > 0) {
        // When its audit event cannot be written, the change does not happen either: one transaction.
        const untouched = await fingerprint(tx);
        await tx.execute(sql`insert into walk_audit_refusal values (true)`);
        const refusedCall = await outcomeOf(callProcedure(caller, path, input));
        await tx.execute(sql`delete from walk_audit_refusal`);
        expect(
          refusedCall.ok ? "answered" : refusedCall.error.code,
          "the call must fail when its audit event cannot be written",
        ).toBe("INTERNAL_SERVER_ERROR");
        expect(await fingerprint(tx), "a failed call must leave every table as it was").toEqual(untouched);
      } else {
        expect(scenario.noEventBecause).toBeTruthy();
      }

      const before = await auditIds(tx);
      const outcome = await outcomeOf(callProcedure(await as(tx, scenario.as), path, input));
      expect(outcome.ok ? "answered" : `${outcome.error.code}: ${outcome.error.message}`).toBe("answered");
      const written = (await tx.select().from(auditEvents).orderBy(auditEvents.occurredAt, auditEvents.seq)).filter(
        (e) => !before.has(e.id),
      );
      expect(written.map((e) => e.action)).toEqual(scenario.events.map((e) => e.action));
      scenario.events.forEach((expected, i) => {
        if (!expected.target) return;
        expect(written[i]!.targetType, `${expected.action} target type`).toBe(expected.target.type);
        if (expected.target.id)
          expect(written[i]!.targetId, `${expected.action} target id`).toBe(expected.target.id(input as never));
      });
    });
  });
});
