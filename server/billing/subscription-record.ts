import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import { subscriptions, teams } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import { canonicalJson } from "../audit/canonical-json";
import { DomainError } from "../errors";
import { findPlan } from "./plan-catalog";
import type { ContractTerms } from "./proration";

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;

/** Days a terminated team's content is kept before the purge deletes it. */
export const RETENTION_DAYS = 45;

export function purgeDateOf(terminatedAt: Date): Date {
  return new Date(terminatedAt.getTime() + RETENTION_DAYS * DAY_MS);
}

/** Whole days until the purge; 0 on the day it runs. */
export function retentionDaysLeft(terminatedAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((purgeDateOf(terminatedAt).getTime() - now.getTime()) / DAY_MS));
}

/**
 * The team's subscription row and then its team row, locked for the rest of the
 * transaction: changes, renewals, the jobs and seat claims (server/members/seats.ts) on one
 * team take turns. Always in this order (subscription, then team), so they never deadlock.
 * The team row is locked FOR NO KEY UPDATE, which still lets an audit append of the same team
 * take its foreign-key share while it holds the chain; FOR UPDATE would deadlock with it.
 */
export async function lockSubscription(
  tx: Transaction,
  teamId: string,
): Promise<{ subscription: SubscriptionRow; team: TeamRow }> {
  const [subscription] = await tx.select().from(subscriptions).where(eq(subscriptions.teamId, teamId)).for("update");
  const [team] = await tx.select().from(teams).where(eq(teams.id, teamId)).for("no key update");
  if (!subscription || !team) throw new DomainError("NOT_FOUND", "thisTeamHasNoSubscriptionYet");
  return { subscription, team };
}

export async function readSubscription(
  db: Queryable,
  teamId: string,
): Promise<{ subscription: SubscriptionRow; team: TeamRow }> {
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.teamId, teamId));
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  if (!subscription || !team) throw new DomainError("NOT_FOUND", "thisTeamHasNoSubscriptionYet");
  return { subscription, team };
}

export function termsOf(subscription: SubscriptionRow): ContractTerms {
  const plan = findPlan(subscription.planCode, subscription.planVersion);
  if (!plan) throw new Error(`Plan ${subscription.planCode} v${subscription.planVersion} is missing from the catalog`);
  return {
    plan,
    billingPeriod: subscription.billingPeriod,
    seats: subscription.seats,
    extraStorageGb: subscription.extraStorageGb,
    extraDataTransferGb: subscription.extraDataTransferGb,
    extraRequests: subscription.extraRequests,
  };
}

/** The terms as plain data, for audit events and fingerprints. */
export function termsRecord(terms: ContractTerms) {
  return {
    plan: terms.plan.code,
    planVersion: terms.plan.version,
    billingPeriod: terms.billingPeriod,
    seats: terms.seats,
    extraStorageGb: terms.extraStorageGb,
    extraDataTransferGb: terms.extraDataTransferGb,
    extraRequests: terms.extraRequests,
  };
}

/** The subscription has run out: cancelled or expired, and the team terminated or purged. */
export function hasEnded(subscription: SubscriptionRow, team: TeamRow): boolean {
  return (
    subscription.status === "cancelled" ||
    subscription.status === "expired" ||
    team.status === "terminated" ||
    team.status === "purged"
  );
}

export function requireRunning(subscription: SubscriptionRow, team: TeamRow): void {
  if (team.status === "purged") throw new DomainError("SUBSCRIPTION_STATE", "thisTeamSDataHasBeen2");
  if (hasEnded(subscription, team)) {
    throw new DomainError("SUBSCRIPTION_STATE", "theSubscriptionHasEndedRenewIt");
  }
}

export function requireVersion(subscription: SubscriptionRow, expectedVersion: number): void {
  if (subscription.version !== expectedVersion) throw new DomainError("CONFLICT", "subscriptionVersionConflict");
}

/** Hash of what a request asked for, so a reused idempotency key with another request is noticed. */
export function fingerprint(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/**
 * Writes a change to the subscription if nobody changed it since `expectedVersion` was read,
 * bumping the version; otherwise the second tab is told, and nothing is written.
 */
export async function saveSubscriptionChange(
  tx: Transaction,
  subscription: SubscriptionRow,
  expectedVersion: number,
  changes: Partial<typeof subscriptions.$inferInsert>,
  now: Date,
): Promise<{ version: number }> {
  const [updated] = await tx
    .update(subscriptions)
    .set({ ...changes, version: subscription.version + 1, updatedAt: now })
    .where(and(eq(subscriptions.id, subscription.id), eq(subscriptions.version, expectedVersion)))
    .returning({ version: subscriptions.version });
  if (!updated) throw new DomainError("CONFLICT", "subscriptionVersionConflict");
  return updated;
}
