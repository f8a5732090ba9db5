import { count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, eventDispatchCursors, staff, teams } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import { createAccount } from "../accounts/create-account";
import { type Actor, noRequest, systemActor } from "../actor";
import { recordPayment } from "../billing/invoices";
import { addPaymentMethod } from "../billing/payment-method";
import { addMonths, isoDay, startOfMonth } from "../billing/periods";
import { startSubscription } from "../billing/start-subscription";
import { recordConnectUsage } from "../billing/usage";
import type { Clock } from "../clock";
import { isDemo } from "../config/env";
import { decrypt, encrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import type { DomainContext } from "../domain-context";
import { addGroupMembers } from "../groups/add-group-members";
import { createGroup } from "../groups/create-group";
import { createCustomApp } from "../hosts/create-custom-app";
import { createHost } from "../hosts/create-host";
import { addMembership } from "../members/add-membership";
import { deactivateMembership } from "../members/deactivate-membership";
import { addStaff } from "../support/add-staff";
import { createTeam } from "../teams/create-team";
import { DEMO_HOSTS, type DemoHost, demoHostUrl } from "./demo-hosts";
import { seedDemoIdentityProvider } from "./seed-sso";

export const DEMO_PASSWORD = "DemoPass-2026";
/** The demo support account's authenticator secret, published in the README: demo only. */
export const DEMO_SUPPORT_TOTP_SECRET = "KNUXAUDSMVZE6Z3SN5UXG3LPNZ2XIZLT";
/** Hooli's owner signs in with two-step verification in the single sign-on journeys. */
export const DEMO_JOURNEY_OWNER_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ";

interface DemoPerson {
  email: string;
  name: string;
  role: "manager" | "member";
  licensed: boolean;
  deactivated?: boolean;
  groups: string[];
}

/** Acme Corp's people besides the owner: managed @acme.example accounts and external partners. */
const ACME_PEOPLE: DemoPerson[] = [
  {
    email: "manager@acme.example",
    name: "Marcus Reed",
    role: "manager",
    licensed: true,
    groups: ["Operations", "Finance"],
  },
  { email: "member@acme.example", name: "Mina Patel", role: "member", licensed: true, groups: ["Sales"] },
  { email: "it@acme.example", name: "Ines Torres", role: "manager", licensed: false, groups: [] },
  { email: "liam.chen@acme.example", name: "Liam Chen", role: "member", licensed: true, groups: ["Sales"] },
  {
    email: "sofia.rossi@acme.example",
    name: "Sofia Rossi",
    role: "member",
    licensed: true,
    groups: ["Sales", "Finance"],
  },
  { email: "noah.keller@acme.example", name: "Noah Keller", role: "member", licensed: true, groups: ["Operations"] },
  { email: "emma.dubois@acme.example", name: "Emma Dubois", role: "member", licensed: true, groups: ["Finance"] },
  { email: "lucas.silva@acme.example", name: "Lucas Silva", role: "member", licensed: true, groups: ["Operations"] },
  { email: "hana.sato@acme.example", name: "Hana Sato", role: "member", licensed: true, groups: ["Sales"] },
  { email: "oliver.brown@acme.example", name: "Oliver Brown", role: "member", licensed: true, groups: ["Operations"] },
  { email: "amara.okafor@acme.example", name: "Amara Okafor", role: "member", licensed: true, groups: ["Finance"] },
  { email: "jonas.berg@acme.example", name: "Jonas Berg", role: "member", licensed: true, groups: ["Sales"] },
  {
    email: "priya.nair@acme.example",
    name: "Priya Nair",
    role: "member",
    licensed: true,
    groups: ["Operations", "Sales"],
  },
  { email: "mateo.garcia@acme.example", name: "Mateo García", role: "member", licensed: true, groups: ["Operations"] },
  { email: "chloe.martin@acme.example", name: "Chloé Martin", role: "member", licensed: false, groups: [] },
  { email: "david.cohen@acme.example", name: "David Cohen", role: "member", licensed: false, groups: [] },
  {
    email: "yuki.tanaka@acme.example",
    name: "Yuki Tanaka",
    role: "member",
    licensed: true,
    deactivated: true,
    groups: ["Sales"],
  },
  {
    email: "ben.walker@acme.example",
    name: "Ben Walker",
    role: "member",
    licensed: false,
    deactivated: true,
    groups: [],
  },
  { email: "grace.lee@acme.example", name: "Grace Lee", role: "member", licensed: true, groups: ["Finance"] },
  { email: "ahmed.hassan@acme.example", name: "Ahmed Hassan", role: "member", licensed: true, groups: ["Operations"] },
  {
    email: "jade.fontaine@partner.example",
    name: "Jade Fontaine",
    role: "member",
    licensed: true,
    groups: ["Operations"],
  },
  { email: "tom.becker@partner.example", name: "Tom Becker", role: "member", licensed: false, groups: [] },
  { email: "auditor@ledger.example", name: "Rosa Alvarez", role: "member", licensed: true, groups: ["Finance"] },
  { email: "consultant@fmpro.example", name: "Sam Okoro", role: "manager", licensed: true, groups: ["Operations"] },
];

const CONNECT_PEOPLE: DemoPerson[] = [
  { email: "it@acme.example", name: "Ines Torres", role: "manager", licensed: false, groups: [] },
  { email: "priya.nair@acme.example", name: "Priya Nair", role: "member", licensed: false, groups: [] },
  { email: "integrations@partner.example", name: "Kai Lindqvist", role: "member", licensed: false, groups: [] },
];

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [[a], [t]] = await Promise.all([
    db.select({ n: count() }).from(accounts),
    db.select({ n: count() }).from(teams),
  ]);
  return (a?.n ?? 0) === 0 && (t?.n ?? 0) === 0;
}

/**
 * Fills an empty database with the demo, in demo mode only (see server/config/env.ts), so a
 * database server never receives the published demo passwords and support key by default.
 * Answers whether it did.
 */
export async function seedDemoIfWanted(db: Database, clock: Clock): Promise<boolean> {
  if (!isDemo() || !(await isDatabaseEmpty(db))) return false;
  await seedDemoData(db, clock);
  return true;
}

/**
 * Outside demo mode the demo's published authenticator key is anyone's: a database that was
 * once a demo and still has staff signing in with it is refused, with what to do about it.
 */
export async function refusePublishedDemoKey(db: Database): Promise<void> {
  if (isDemo()) return;
  const rows = await db
    .select({ email: accounts.email, secret: accounts.totpSecretEncrypted })
    .from(staff)
    .innerJoin(accounts, eq(accounts.id, staff.accountId))
    .where(isNull(staff.revokedAt));
  const exposed = rows
    .filter((row) => row.secret !== null && decryptsTo(row.secret, DEMO_SUPPORT_TOTP_SECRET))
    .map((row) => row.email);
  if (exposed.length === 0) return;
  throw new Error(
    `Staff ${exposed.join(", ")} still sign in with the demo's published authenticator key, which only a demo may use. ` +
      `Take the rights away with "npm run staff -- remove <email>", or start a demo with CONSOLE_ENV=demo.`,
  );
}

function decryptsTo(value: string, expected: string): boolean {
  try {
    return decrypt(keyRing(), value) === expected;
  } catch {
    // Encrypted with a key this console does not hold: nobody can use it here.
    return false;
  }
}

/**
 * Two Acme teams built through the same domain functions as the console, so their audit
 * logs tell how they came to be. The platform provisions accounts and hosts; the owner
 * does the rest.
 */
export async function seedDemoData(db: Database, clock: Clock): Promise<void> {
  const platform: DomainContext = { actor: systemActor("Demo data"), clock, request: noRequest };
  const ownerAccount = await createAccount(db, platform, {
    email: "owner@acme.example",
    name: "Olivia Park",
    password: DEMO_PASSWORD,
    phone: "+1 415 555 0100",
    emailVerified: true,
  });
  const owner: DomainContext = {
    actor: {
      kind: "account",
      accountId: ownerAccount.id,
      email: "owner@acme.example",
      sessionId: null,
      mfaVerified: false,
    } satisfies Actor,
    clock,
    request: noRequest,
  };

  const acme = await createTeam(db, owner, {
    name: "Acme Corp",
    product: "filemaker_cloud",
    ownerAccountId: ownerAccount.id,
    ownerIsManaged: true,
  });
  const acmeContract = await startSubscription(db, owner, {
    teamId: acme.id,
    planCode: "fmc-standard",
    billingPeriod: "annual",
    seats: 30,
  });
  await recordPayment(db, platform, { teamId: acme.id, invoiceId: acmeContract.invoiceId! });
  await addPaymentMethod(db, owner, {
    teamId: acme.id,
    provider: "invoice",
    expectedVersion: 1,
    idempotencyKey: "demo-payment-method",
  });
  const groupIds = new Map<string, string>();
  for (const name of ["Sales", "Operations", "Finance"]) {
    groupIds.set(name, (await createGroup(db, owner, { teamId: acme.id, name })).id);
  }

  await seedDemoIdentityProvider(db, owner, acme.id, groupIds.get("Sales")!);

  const accountIds = new Map<string, string>();
  const accountFor = async (person: DemoPerson) => {
    const known = accountIds.get(person.email);
    if (known) return known;
    const { id } = await createAccount(db, platform, {
      email: person.email,
      name: person.name,
      password: DEMO_PASSWORD,
      emailVerified: true,
      managedByTeamId: person.email.endsWith("@acme.example") ? acme.id : undefined,
    });
    accountIds.set(person.email, id);
    return id;
  };

  for (const person of ACME_PEOPLE) {
    const membership = await addMembership(db, owner, {
      teamId: acme.id,
      accountId: await accountFor(person),
      role: person.role,
      licensed: person.licensed,
    });
    for (const group of person.groups) {
      await addGroupMembers(db, owner, {
        teamId: acme.id,
        groupId: groupIds.get(group)!,
        membershipIds: [membership.id],
      });
    }
    if (person.deactivated) await deactivateMembership(db, owner, { teamId: acme.id, membershipId: membership.id });
  }

  const production = await createHost(db, platform, {
    teamId: acme.id,
    name: "Acme Production",
    hostname: "acme-prod.fmcloud.example",
    region: "us-west-2",
    computeSize: "medium",
    filemakerVersion: DEMO_HOSTS.acmeProduction.version,
    status: "running",
    ...demoHostConnection(DEMO_HOSTS.acmeProduction),
  });
  const staging = await createHost(db, platform, {
    teamId: acme.id,
    name: "Acme Staging",
    hostname: "acme-staging.fmcloud.example",
    region: "eu-central-1",
    computeSize: "small",
    filemakerVersion: DEMO_HOSTS.acmeStaging.version,
    status: "stopped",
    ...demoHostConnection(DEMO_HOSTS.acmeStaging),
  });
  const group = (...names: string[]) => names.map((name) => groupIds.get(name)!);
  const apps = [
    {
      hostId: production.id,
      name: "Invoices",
      status: "open",
      sizeBytes: 812_000_000,
      groupIds: group("Finance", "Sales"),
    },
    {
      hostId: production.id,
      name: "Inventory",
      status: "open",
      sizeBytes: 1_450_000_000,
      groupIds: group("Operations"),
    },
    { hostId: production.id, name: "Customer CRM", status: "open", sizeBytes: 2_300_000_000, groupIds: group("Sales") },
    {
      hostId: production.id,
      name: "Timesheets",
      status: "paused",
      sizeBytes: 96_000_000,
      groupIds: group("Sales", "Operations", "Finance"),
    },
    {
      hostId: staging.id,
      name: "Inventory Test",
      status: "closed",
      sizeBytes: 640_000_000,
      groupIds: group("Operations"),
    },
  ] as const;
  for (const app of apps) {
    await createCustomApp(db, owner, { teamId: acme.id, ...app, groupIds: [...app.groupIds] });
  }
  const connect = await createTeam(db, owner, {
    name: "Acme Connect",
    product: "claris_connect",
    ownerAccountId: ownerAccount.id,
  });
  const connectContract = await startSubscription(db, owner, {
    teamId: connect.id,
    planCode: "connect-pro",
    billingPeriod: "monthly",
    seats: 0,
  });
  await recordPayment(db, platform, { teamId: connect.id, invoiceId: connectContract.invoiceId! });
  await addPaymentMethod(db, owner, {
    teamId: connect.id,
    provider: "invoice",
    expectedVersion: 1,
    idempotencyKey: "demo-payment-method",
  });
  // A year of monthly totals for the usage chart (one figure mid-month), then this month so far.
  const pastMonths = [21_300, 24_100, 19_800, 26_400, 31_200, 28_700, 33_900, 36_200, 30_400, 38_100, 41_600];
  for (const [index, requests] of pastMonths.entries()) {
    const month = addMonths(startOfMonth(clock.now()), index - pastMonths.length);
    const day = isoDay(new Date(month.getTime() + 14 * DAY_MS));
    await recordConnectUsage(db, { teamId: connect.id, day, activeFlows: 6, requests });
  }
  await recordConnectUsage(db, { teamId: connect.id, day: isoDay(clock.now()), activeFlows: 7, requests: 18_450 });
  for (const person of CONNECT_PEOPLE) {
    await addMembership(db, owner, {
      teamId: connect.id,
      accountId: await accountFor(person),
      role: person.role,
      licensed: false,
    });
  }

  await createAccount(db, platform, {
    email: "support@console.example",
    name: "Sam Support",
    password: DEMO_PASSWORD,
    emailVerified: true,
  });
  await addStaff(db, platform, {
    email: "support@console.example",
    role: "support",
    totpSecret: DEMO_SUPPORT_TOTP_SECRET,
  });

  for (const team of JOURNEY_TEAMS) await seedJourneyTeam(db, platform, team, accountFor);
  // The demo's history happened before anyone was there to be told: it is not dispatched.
  await db
    .update(eventDispatchCursors)
    .set({ dispatchedSeq: sql`${eventDispatchCursors.headSeq}` })
    .where(gt(eventDispatchCursors.headSeq, eventDispatchCursors.dispatchedSeq));
}

interface JourneyTeam {
  name: string;
  /** Accounts at this domain are managed by the team; others are external. */
  domain: string;
  /** An owner with a TOTP secret has two-step verification on from the start. */
  owner: { email: string; name: string; totpSecret?: string };
  seats: number;
  groups: string[];
  people: DemoPerson[];
  hosts: Array<{ name: string; hostname: string; status: "running" | "stopped"; demo: DemoHost }>;
}

/**
 * Teams of their own for the browser journeys that count things (seats, users, deactivated
 * people), so journeys running side by side never change each other's numbers. External
 * people reuse Acme's partner accounts, as a consultant's Claris ID joins several teams.
 */
const JOURNEY_TEAMS: JourneyTeam[] = [
  {
    name: "Northwind Traders",
    domain: "northwind.example",
    owner: { email: "owner@northwind.example", name: "Nora Lind" },
    seats: 20,
    groups: ["Warehouse"],
    people: [
      {
        email: "manager@northwind.example",
        name: "Max Berger",
        role: "manager",
        licensed: true,
        groups: ["Warehouse"],
      },
      { email: "ivy.chan@northwind.example", name: "Ivy Chan", role: "member", licensed: true, groups: ["Warehouse"] },
      { email: "rui.costa@northwind.example", name: "Rui Costa", role: "member", licensed: true, groups: [] },
      { email: "ella.moss@northwind.example", name: "Ella Moss", role: "member", licensed: false, groups: [] },
    ],
    hosts: [
      {
        name: "Northwind Production",
        hostname: "northwind-prod.fmcloud.example",
        status: "running",
        demo: DEMO_HOSTS.northwindProduction,
      },
      {
        name: "Northwind Staging",
        hostname: "northwind-staging.fmcloud.example",
        status: "stopped",
        demo: DEMO_HOSTS.northwindStaging,
      },
    ],
  },
  {
    name: "Initech",
    domain: "initech.example",
    owner: { email: "owner@initech.example", name: "Bill Lumbergh" },
    seats: 10,
    groups: ["Sales", "Finance"],
    people: [
      { email: "manager@initech.example", name: "Joanna Vale", role: "manager", licensed: true, groups: ["Sales"] },
      {
        email: "peter.gibbons@initech.example",
        name: "Peter Gibbons",
        role: "member",
        licensed: true,
        groups: ["Sales"],
      },
      { email: "rita.novak@initech.example", name: "Rita Novak", role: "member", licensed: false, groups: [] },
      {
        email: "omar.farah@initech.example",
        name: "Omar Farah",
        role: "member",
        licensed: true,
        deactivated: true,
        groups: ["Finance"],
      },
      {
        email: "lena.fischer@initech.example",
        name: "Lena Fischer",
        role: "member",
        licensed: false,
        deactivated: true,
        groups: [],
      },
      {
        email: "jade.fontaine@partner.example",
        name: "Jade Fontaine",
        role: "member",
        licensed: true,
        groups: ["Finance"],
      },
      { email: "tom.becker@partner.example", name: "Tom Becker", role: "member", licensed: false, groups: [] },
    ],
    hosts: [
      {
        name: "Initech Production",
        hostname: "initech-prod.fmcloud.example",
        status: "running",
        demo: DEMO_HOSTS.initechProduction,
      },
    ],
  },
  {
    // The single sign-on journeys connect their own providers and domains to Hooli.
    name: "Hooli",
    domain: "hooli.example",
    owner: { email: "owner@hooli.example", name: "Gavin Belson", totpSecret: DEMO_JOURNEY_OWNER_TOTP_SECRET },
    seats: 5,
    groups: ["Engineering", "Sales"],
    people: [
      { email: "manager@hooli.example", name: "Monica Hall", role: "manager", licensed: true, groups: [] },
      {
        email: "richard.hendricks@hooli.example",
        name: "Richard Hendricks",
        role: "member",
        licensed: true,
        groups: [],
      },
    ],
    hosts: [],
  },
  {
    // The account transfer journey moves a member from Vandelay Industries to Kramerica.
    name: "Vandelay Industries",
    domain: "vandelay.example",
    owner: { email: "owner@vandelay.example", name: "Art Vandelay" },
    seats: 5,
    groups: [],
    people: [
      { email: "manager@vandelay.example", name: "Elaine Benes", role: "manager", licensed: true, groups: [] },
      {
        email: "george.costanza@vandelay.example",
        name: "George Costanza",
        role: "member",
        licensed: true,
        groups: [],
      },
    ],
    hosts: [],
  },
  {
    name: "Kramerica",
    domain: "kramerica.example",
    owner: { email: "owner@kramerica.example", name: "Cosmo Kramer" },
    seats: 5,
    groups: [],
    people: [{ email: "manager@kramerica.example", name: "Bob Sacamano", role: "manager", licensed: true, groups: [] }],
    hosts: [],
  },
];

async function seedJourneyTeam(
  db: Database,
  platform: DomainContext,
  spec: JourneyTeam,
  existingAccount: (person: DemoPerson) => Promise<string>,
): Promise<void> {
  const { clock } = platform;
  const ownerAccount = await createAccount(db, platform, {
    email: spec.owner.email,
    name: spec.owner.name,
    password: DEMO_PASSWORD,
    emailVerified: true,
  });
  if (spec.owner.totpSecret) {
    await db
      .update(accounts)
      .set({ totpSecretEncrypted: encrypt(keyRing(), spec.owner.totpSecret), totpEnabledAt: clock.now() })
      .where(eq(accounts.id, ownerAccount.id));
  }
  const owner: DomainContext = {
    actor: {
      kind: "account",
      accountId: ownerAccount.id,
      email: spec.owner.email,
      sessionId: null,
      mfaVerified: false,
    },
    clock,
    request: noRequest,
  };
  const team = await createTeam(db, owner, {
    name: spec.name,
    product: "filemaker_cloud",
    ownerAccountId: ownerAccount.id,
    ownerIsManaged: true,
  });
  const contract = await startSubscription(db, owner, {
    teamId: team.id,
    planCode: "fmc-standard",
    billingPeriod: "annual",
    seats: spec.seats,
  });
  await recordPayment(db, platform, { teamId: team.id, invoiceId: contract.invoiceId! });
  await addPaymentMethod(db, owner, {
    teamId: team.id,
    provider: "invoice",
    expectedVersion: 1,
    idempotencyKey: "demo-payment-method",
  });
  const groupIds = new Map<string, string>();
  for (const name of spec.groups) groupIds.set(name, (await createGroup(db, owner, { teamId: team.id, name })).id);

  for (const person of spec.people) {
    const accountId = person.email.endsWith(`@${spec.domain}`)
      ? (
          await createAccount(db, platform, {
            email: person.email,
            name: person.name,
            password: DEMO_PASSWORD,
            emailVerified: true,
            managedByTeamId: team.id,
          })
        ).id
      : await existingAccount(person);
    const membership = await addMembership(db, owner, {
      teamId: team.id,
      accountId,
      role: person.role,
      licensed: person.licensed,
    });
    for (const group of person.groups) {
      await addGroupMembers(db, owner, {
        teamId: team.id,
        groupId: groupIds.get(group)!,
        membershipIds: [membership.id],
      });
    }
    if (person.deactivated) await deactivateMembership(db, owner, { teamId: team.id, membershipId: membership.id });
  }
  for (const { demo, ...host } of spec.hosts) {
    await createHost(db, platform, {
      teamId: team.id,
      ...host,
      region: "us-east-1",
      computeSize: "small",
      filemakerVersion: "21.1.1.41",
      ...demoHostConnection(demo),
    });
  }
}

/** A demo host's Admin API: the hosts emulator `npm start` runs beside the console. */
function demoHostConnection(host: DemoHost) {
  const consolePort = Number(process.env.PORT ?? "3000");
  return { adminApiUrl: demoHostUrl(consolePort, host), adminUser: host.adminUser, adminPassword: host.adminPassword };
}
