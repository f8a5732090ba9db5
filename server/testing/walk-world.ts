import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, teamSettings } from "@/db/schema";
import { DEMO_PASSWORD, DEMO_SUPPORT_TOTP_SECRET } from "@/server/demo/seed";
import { requestAccountTransfer } from "../account-transfers/request-transfer";
import { createAccount } from "../accounts/create-account";
import { type Actor, noRequest, systemActor } from "../actor";
import { createApiKey } from "../api-keys/create-api-key";
import { createSession } from "../auth/sessions";
import { startSubscription } from "../billing/start-subscription";
import type { Clock } from "../clock";
import type { DomainContext } from "../domain-context";
import { createGroup } from "../groups/create-group";
import { createCustomApp } from "../hosts/create-custom-app";
import { createHost } from "../hosts/create-host";
import { inviteUsers } from "../invitations/invite-users";
import { addMembership } from "../members/add-membership";
import type { TeamRole } from "../permissions";
import { createCaller } from "../routers/root";
import { addStaff } from "../support/add-staff";
import { staffMemberOf } from "../support/staff-member";
import { grantSupportAccess } from "../support/support-grants";
import { openSupportSession } from "../support/support-sessions";
import { createTeam } from "../teams/create-team";
import { createWebhookEndpoint } from "../webhooks/create-endpoint";
import { sendWebhookTestEvent } from "../webhooks/send-test-event";
import { demoTeamId, membershipOf } from "./demo";
import { requestContext } from "./request-context";
import { signInWithPassword, signInWithTwoStep } from "./sign-in";

/** Real ids of one team's objects, put into inputs wherever a field names them. */
export interface TeamIds {
  teamId: string;
  membershipId: string;
  membershipIds: string[];
  groupId: string;
  groupIds: string[];
  invitationId: string;
  grantId: string;
  hostId: string;
  /** A custom app that the group above may use. */
  customAppId: string;
  /** A sign-in session of one of the team's people. */
  sessionId: string;
  /** An API key a manager made. */
  apiKeyId: string;
  /** A webhook endpoint, and a delivery (a test event) of it. */
  webhookEndpointId: string;
  webhookDeliveryId: string;
  /** A request to move into the team, waiting for its managers' approval. */
  transferId: string;
}

/** What a caller is in the team its input names, which is all the expected outcome depends on. */
export type Standing =
  | { kind: "anonymous" }
  | { kind: "account"; staff: boolean; roles: TeamRole[] | null }
  | { kind: "support" };

export interface Walker {
  name: string;
  cookies: { sessionId?: string; supportSessionId?: string };
  standing: Standing;
  /** Whose ids the input carries: the team's own, or a team id with another team's objects. */
  ids: TeamIds;
  /** The object ids belong to a team other than the one the input names. */
  foreignObjects?: true;
}

export const SECOND_STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/**
 * The demo data plus a second FileMaker Cloud team (Globex) with its own people and objects,
 * a support grant and session on Acme Corp, and every kind of caller signed in through the
 * real sign-in functions.
 */
export async function buildWalkWorld(db: Database, clock: Clock) {
  const platform: DomainContext = { actor: systemActor("Router walk"), clock, request: noRequest };
  const request = { clock, request: noRequest };
  const signIn = async (email: string) => {
    const session = await signInWithPassword(db, request, { email, password: DEMO_PASSWORD });
    if (!session) throw new Error(`${email} could not sign in`);
    return session;
  };
  // A deactivated managed account cannot sign in; its session is made directly, as one left
  // over from before the deactivation would be, to show that team access refuses it anyway.
  const leftoverSession = async (email: string) => {
    const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
    const sessionId = await createSession(db, {
      accountId: row!.id,
      now: clock.now(),
      ip: null,
      userAgent: null,
      mfaVerified: false,
    });
    return { accountId: row!.id, sessionId };
  };
  const asAccount = (accountId: string, email: string): DomainContext => ({
    ...platform,
    actor: { kind: "account", accountId, email, sessionId: null, mfaVerified: false } satisfies Actor,
  });

  const acmeTeamId = await demoTeamId(db, "Acme Corp");
  const globexOwner = await createAccount(db, platform, {
    email: "owner@globex.example",
    name: "Gloria Bex",
    password: DEMO_PASSWORD,
    emailVerified: true,
  });
  const globexManager = await createAccount(db, platform, {
    email: "manager@globex.example",
    name: "Gus Lobo",
    password: DEMO_PASSWORD,
    emailVerified: true,
  });
  const globexMember = await createAccount(db, platform, {
    email: "member@globex.example",
    name: "Gia Mori",
    password: DEMO_PASSWORD,
    emailVerified: true,
  });
  const globexOwnerCtx = asAccount(globexOwner.id, "owner@globex.example");
  const globex = await createTeam(db, globexOwnerCtx, {
    name: "Globex",
    product: "filemaker_cloud",
    ownerAccountId: globexOwner.id,
  });
  await startSubscription(db, globexOwnerCtx, {
    teamId: globex.id,
    planCode: "fmc-standard",
    billingPeriod: "monthly",
    seats: 10,
  });
  await addMembership(db, globexOwnerCtx, {
    teamId: globex.id,
    accountId: globexManager.id,
    role: "manager",
    licensed: true,
  });
  const globexMembership = await addMembership(db, globexOwnerCtx, {
    teamId: globex.id,
    accountId: globexMember.id,
    role: "member",
    licensed: true,
  });
  const globexGroup = await createGroup(db, globexOwnerCtx, { teamId: globex.id, name: "Research" });
  const globexHost = await createHost(db, platform, {
    teamId: globex.id,
    name: "Globex Labs",
    hostname: "globex-labs.fmcloud.example",
    region: "eu-central-1",
    computeSize: "small",
    filemakerVersion: "2025",
    status: "running",
    adminApiUrl: "https://admin.fmcloud.example",
    adminUser: "admin",
    adminPassword: "host-admin-password",
  });
  const globexApp = await createCustomApp(db, platform, {
    teamId: globex.id,
    hostId: globexHost.id,
    name: "Experiments",
    status: "open",
    sizeBytes: 50_000_000,
    groupIds: [globexGroup.id],
  });
  const globexInvitation = await inviteUsers(db, globexOwnerCtx, {
    teamId: globex.id,
    emails: ["new.hire@globex.example"],
    role: "member",
    licensed: false,
    groupIds: [],
  });
  const globexGrant = await grantSupportAccess(db, globexOwnerCtx, { teamId: globex.id, hours: 4 });

  const people = {
    owner: await signIn("owner@acme.example"),
    manager: await signIn("manager@acme.example"),
    licensedMember: await signIn("member@acme.example"),
    member: await signIn("chloe.martin@acme.example"),
    deactivated: await leftoverSession("yuki.tanaka@acme.example"),
    globexManager: await signIn("manager@globex.example"),
    globexOwner: await signIn("owner@globex.example"),
  };
  const acmeOwnerCtx = asAccount(people.owner.accountId, "owner@acme.example");
  const acmeInvitation = await inviteUsers(db, acmeOwnerCtx, {
    teamId: acmeTeamId,
    emails: ["new.hire@acme.example"],
    role: "member",
    licensed: false,
    groupIds: [],
  });
  const acmeGrant = await grantSupportAccess(db, asAccount(people.manager.accountId, "manager@acme.example"), {
    teamId: acmeTeamId,
    hours: 4,
  });
  const liam = await membershipOf(db, acmeTeamId, "liam.chen@acme.example");
  const sales = await createCaller(await requestContext(db, clock, { sessionId: people.owner.sessionId })).groups.list({
    teamId: acmeTeamId,
  });
  const acmeApiKey = await createApiKey(db, asAccount(people.manager.accountId, "manager@acme.example"), {
    teamId: acmeTeamId,
    creator: { roles: ["manager", "licensedMember"], product: "filemaker_cloud" },
    name: "Walk integration",
    scopes: ["members.read"],
  });
  const globexApiKey = await createApiKey(db, asAccount(people.globexManager.accountId, "manager@globex.example"), {
    teamId: globex.id,
    creator: { roles: ["manager", "licensedMember"], product: "filemaker_cloud" },
    name: "Globex integration",
    scopes: ["members.read"],
  });
  // A public address written as an IP: saving it needs no DNS, and nothing here sends to it.
  const webhookOf = async (teamId: string) => {
    const endpoint = await createWebhookEndpoint(db, platform, {
      teamId,
      url: "https://93.184.215.14/walk-hooks",
      eventTypes: ["member.invited"],
    });
    const { deliveryId } = await sendWebhookTestEvent(db, platform, { teamId, webhookEndpointId: endpoint.id });
    return { webhookEndpointId: endpoint.id, webhookDeliveryId: deliveryId };
  };
  const acmeWebhook = await webhookOf(acmeTeamId);
  const globexWebhook = await webhookOf(globex.id);
  const acmeHosts = await createCaller(
    await requestContext(db, clock, { sessionId: people.owner.sessionId }),
  ).hosts.list({ teamId: acmeTeamId });

  const acmeInvoices = acmeHosts.flatMap((host) => host.customApps).find((app) => app.name === "Invoices")!;

  const supportStaff = await signInWithTwoStep(db, request, {
    email: "support@console.example",
    password: DEMO_PASSWORD,
    totpSecret: DEMO_SUPPORT_TOTP_SECRET,
  });
  const staffMember = await staffMemberOf(db, supportStaff.accountId);
  const supportSession = await openSupportSession(
    db,
    {
      ...platform,
      actor: {
        kind: "account",
        accountId: supportStaff.accountId,
        email: "support@console.example",
        sessionId: supportStaff.sessionId,
        mfaVerified: true,
      },
    },
    {
      id: staffMember!.id,
      role: staffMember!.role,
      accountId: supportStaff.accountId,
      email: "support@console.example",
    },
    { teamId: acmeTeamId, reason: "Ticket 9000: walking every procedure" },
  );
  await createAccount(db, platform, {
    email: "helpdesk@console.example",
    name: "Hal Desk",
    password: DEMO_PASSWORD,
    emailVerified: true,
  });
  await addStaff(db, platform, {
    email: "helpdesk@console.example",
    role: "support",
    totpSecret: SECOND_STAFF_TOTP_SECRET,
  });
  const staffWithoutGrant = await signInWithTwoStep(db, request, {
    email: "helpdesk@console.example",
    password: DEMO_PASSWORD,
    totpSecret: SECOND_STAFF_TOTP_SECRET,
  });

  // Each team requires approval for people moving in, and has one such request waiting:
  // Globex's member asks to join Acme Corp, and an Acme member asks to join Globex.
  for (const teamId of [acmeTeamId, globex.id]) {
    await db.update(teamSettings).set({ transferInRequiresApproval: true }).where(eq(teamSettings.teamId, teamId));
  }
  const intoAcme = await requestAccountTransfer(db, asAccount(globexMember.id, "member@globex.example"), {
    fromTeamId: globex.id,
    toTeamId: acmeTeamId,
  });
  const [david] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.email, "david.cohen@acme.example"));
  const intoGlobex = await requestAccountTransfer(db, asAccount(david!.id, "david.cohen@acme.example"), {
    fromTeamId: acmeTeamId,
    toTeamId: globex.id,
  });

  const acme: TeamIds = {
    teamId: acmeTeamId,
    membershipId: liam!.id,
    membershipIds: [liam!.id],
    groupId: sales.find((g) => g.name === "Sales")!.id,
    groupIds: [sales.find((g) => g.name === "Sales")!.id],
    invitationId: acmeInvitation.invited[0]!.id,
    grantId: acmeGrant.id,
    hostId: acmeHosts[0]!.id,
    customAppId: acmeInvoices.id,
    sessionId: people.owner.sessionId,
    apiKeyId: acmeApiKey.id,
    ...acmeWebhook,
    transferId: intoAcme.id,
  };
  const globexIds: TeamIds = {
    teamId: globex.id,
    membershipId: globexMembership.id,
    membershipIds: [globexMembership.id],
    groupId: globexGroup.id,
    groupIds: [globexGroup.id],
    invitationId: globexInvitation.invited[0]!.id,
    grantId: globexGrant.id,
    hostId: globexHost.id,
    customAppId: globexApp.id,
    sessionId: people.globexOwner.sessionId,
    apiKeyId: globexApiKey.id,
    ...globexWebhook,
    transferId: intoGlobex.id,
  };
  const member = (roles: TeamRole[]): Standing => ({ kind: "account", staff: false, roles });
  const outsider: Standing = { kind: "account", staff: false, roles: null };

  const walkers: Walker[] = [
    { name: "anonymous", cookies: {}, standing: { kind: "anonymous" }, ids: acme },
    { name: "member", cookies: { sessionId: people.member.sessionId }, standing: member(["member"]), ids: acme },
    {
      name: "licensed member",
      cookies: { sessionId: people.licensedMember.sessionId },
      standing: member(["member", "licensedMember"]),
      ids: acme,
    },
    {
      name: "manager",
      cookies: { sessionId: people.manager.sessionId },
      standing: member(["manager", "licensedMember"]),
      ids: acme,
    },
    { name: "owner", cookies: { sessionId: people.owner.sessionId }, standing: member(["owner"]), ids: acme },
    {
      name: "other team's manager",
      cookies: { sessionId: people.globexManager.sessionId },
      standing: member(["manager", "licensedMember"]),
      ids: globexIds,
    },
    {
      name: "other team's manager, Acme ids",
      cookies: { sessionId: people.globexManager.sessionId },
      standing: outsider,
      ids: acme,
    },
    {
      name: "other team's manager, Acme objects",
      cookies: { sessionId: people.globexManager.sessionId },
      standing: member(["manager", "licensedMember"]),
      ids: { ...acme, teamId: globex.id },
      foreignObjects: true,
    },
    {
      name: "support session",
      cookies: { sessionId: supportStaff.sessionId, supportSessionId: supportSession.id },
      standing: { kind: "support" },
      ids: acme,
    },
    {
      name: "staff without grant",
      cookies: { sessionId: staffWithoutGrant.sessionId },
      standing: { kind: "account", staff: true, roles: null },
      ids: acme,
    },
    { name: "deactivated member", cookies: { sessionId: people.deactivated.sessionId }, standing: outsider, ids: acme },
  ];
  return { acme, globex: globexIds, people, supportStaff, supportSessionId: supportSession.id, walkers };
}

export type WalkWorld = Awaited<ReturnType<typeof buildWalkWorld>>;

/** The fields of an input that name ids of objects inside a team, which another team must not reach. */
export const OBJECT_ID_FIELDS = [
  "membershipId",
  "membershipIds",
  "groupId",
  "groupIds",
  "invitationId",
  "grantId",
  "hostId",
  "customAppId",
  "sessionId",
  "apiKeyId",
  "webhookEndpointId",
  "webhookDeliveryId",
  "transferId",
] as const;

/** The values the input sampler puts into fields it knows by name. */
export function knownFields(ids: TeamIds): Record<string, unknown> {
  return {
    ...ids,
    password: DEMO_PASSWORD,
    currentPassword: DEMO_PASSWORD,
    emails: ["new.person@example.com"],
  };
}
