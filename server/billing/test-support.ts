import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, auditEvents, invoiceLines, invoices, mailOutbox, subscriptions, teams } from "@/db/schema";
import { type Actor, noRequest, systemActor } from "../actor";
import { type Clock, fixedClock } from "../clock";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { openMailContent } from "../mail/mail-content";
import { addMembership } from "../members/add-membership";
import { createTeam } from "../teams/create-team";
import { startSubscription } from "./start-subscription";

/** Test helpers for billing: teams with a contract started at a chosen moment, and a movable clock. */

export type TestClock = ReturnType<typeof fixedClock>;

let counter = 0;
const unique = () => `${++counter}-${randomBytes(3).toString("hex")}`;

export function contextAt(actor: Actor, clock: Clock): DomainContext {
  return { actor, clock, request: noRequest };
}

/** An account without a password (quicker than argon2), for owners and members in tests. */
export async function newAccount(db: Database, label = "person"): Promise<{ id: string; email: string }> {
  const email = `${label}-${unique()}@billing.example`;
  const [row] = await db
    .insert(accounts)
    .values({ email, name: `${label} ${counter}` })
    .returning({ id: accounts.id, email: accounts.email });
  return row!;
}

export interface TestTeam {
  teamId: string;
  subscriptionId: string;
  owner: { id: string; email: string };
  /** The owner acting, on the team's own clock. */
  ctx: DomainContext;
  clock: TestClock;
}

export async function teamWithContract(
  db: Database,
  input: {
    at: string | Date;
    planCode?: string;
    billingPeriod?: "monthly" | "annual";
    seats?: number;
    product?: "filemaker_cloud" | "claris_connect";
    trial?: boolean;
  },
): Promise<TestTeam> {
  const clock = fixedClock(input.at);
  const owner = await newAccount(db, "owner");
  const ctx = contextAt(
    { kind: "account", accountId: owner.id, email: owner.email, sessionId: null, mfaVerified: false },
    clock,
  );
  const product = input.product ?? (input.planCode?.startsWith("connect") ? "claris_connect" : "filemaker_cloud");
  const team = await createTeam(db, ctx, { name: `Billing ${unique()}`, product, ownerAccountId: owner.id });
  const planCode = input.planCode ?? (product === "claris_connect" ? "connect-pro" : "fmc-standard");
  const started = await startSubscription(db, ctx, {
    teamId: team.id,
    planCode,
    billingPeriod: input.billingPeriod ?? "monthly",
    seats: input.seats ?? (product === "claris_connect" ? 0 : 10),
    trial: input.trial,
  });
  return { teamId: team.id, subscriptionId: started.id, owner, ctx, clock };
}

/** Licenses `n` new people in the team (through the members domain, so seats are claimed). */
export async function licenseMembers(db: Database, team: TestTeam, n: number): Promise<void> {
  const platform = contextAt(systemActor("Billing tests"), team.clock);
  for (let i = 0; i < n; i++) {
    const person = await newAccount(db, "member");
    await addMembership(db, platform, { teamId: team.teamId, accountId: person.id, role: "member", licensed: true });
  }
}

export async function subscriptionOf(db: Database, teamId: string) {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.teamId, teamId));
  return row!;
}

export async function teamOf(db: Database, teamId: string) {
  const [row] = await db.select().from(teams).where(eq(teams.id, teamId));
  return row!;
}

export async function invoicesOf(db: Database, teamId: string) {
  const rows = await db.select().from(invoices).where(eq(invoices.teamId, teamId)).orderBy(asc(invoices.number));
  const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.teamId, teamId));
  return rows.map((invoice) => ({ ...invoice, lines: lines.filter((l) => l.invoiceId === invoice.id) }));
}

export async function mailsTo(db: Database, email: string) {
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(asc(mailOutbox.createdAt));
  return rows.map((row) => ({ ...row, ...openMailContent(row) }));
}

export async function auditActions(db: Database, teamId: string): Promise<string[]> {
  const rows = await db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.teamId, teamId)))
    .orderBy(asc(auditEvents.seq));
  return rows.map((r) => r.action);
}

/** The DomainError a call was refused with (fails the test when it was not refused). */
export async function refusalOf(call: Promise<unknown>): Promise<DomainError> {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof DomainError)) {
    throw new Error(`expected a DomainError, got ${outcome === undefined ? "success" : String(outcome)}`);
  }
  return outcome;
}
