import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { paymentMethods, subscriptions, teams } from "@/db/schema";
import { seatsInUse } from "../members/seats";
import type { TeamAccess } from "../teams/team-access";
import { findPlan, plansOnSale } from "./plan-catalog";
import { periodPrice } from "./proration";
import { purgeDateOf, retentionDaysLeft, termsOf } from "./subscription-record";
import { limitLevel, measureUsage } from "./usage";

export interface UsageMeter {
  key: "seats" | "storage" | "dataTransfer" | "flows" | "requests";
  label: string;
  used: number;
  limit: number;
  unit: string;
  /** When the figure starts again from zero; null for figures that do not reset. */
  resetsAt: Date | null;
  level: "ok" | "near" | "at";
}

/**
 * The contract as the Subscription page shows it; null when the team has none yet. Prices,
 * the payment method and the cancellation reason only go to those who may see invoices
 * (owner and managers): licensed members see the summary and usage only.
 */
export async function subscriptionSummary(db: Queryable, access: TeamAccess, now: Date) {
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.teamId, access.team.id));
  if (!subscription) return null;
  const [team] = await db
    .select({ status: teams.status, terminatedAt: teams.terminatedAt })
    .from(teams)
    .where(eq(teams.id, access.team.id));
  const plan = findPlan(subscription.planCode, subscription.planVersion);
  const fileMaker = access.team.product === "filemaker_cloud";
  const seesBilling = access.permissions.includes("subscription.invoices.read");

  const seats = fileMaker ? { used: await seatsInUse(db, access.team.id, now), total: subscription.seats } : null;
  const usage = await measureUsage(db, access.team, subscription.startedAt, now);
  const meter = (m: Omit<UsageMeter, "level">): UsageMeter => ({ ...m, level: limitLevel(m.used, m.limit) });
  const meters: UsageMeter[] = !plan
    ? []
    : fileMaker
      ? [
          meter({ key: "seats", label: "Licences", used: seats!.used, limit: seats!.total, unit: "", resetsAt: null }),
          meter({
            key: "storage",
            label: "Storage",
            used: usage.storageGb,
            limit: plan.includedStorageGb + subscription.extraStorageGb,
            unit: "GB",
            resetsAt: null,
          }),
          meter({
            key: "dataTransfer",
            label: "Data transfer this contract year",
            used: usage.dataTransferGb,
            limit: plan.includedDataTransferGb + subscription.extraDataTransferGb,
            unit: "GB",
            resetsAt: usage.contractYearResetsAt,
          }),
        ]
      : [
          meter({ key: "flows", label: "Flows", used: usage.flows, limit: plan.flows, unit: "", resetsAt: null }),
          meter({
            key: "requests",
            label: "API requests this month",
            used: usage.requests,
            limit: plan.monthlyRequests + subscription.extraRequests,
            unit: "",
            resetsAt: usage.requestsResetAt,
          }),
        ];

  const [paymentMethod] =
    seesBilling && subscription.paymentMethodId
      ? await db
          .select({ provider: paymentMethods.provider, brand: paymentMethods.brand, last4: paymentMethods.last4 })
          .from(paymentMethods)
          .where(eq(paymentMethods.id, subscription.paymentMethodId))
      : [];
  const ended =
    team?.status === "terminated" || subscription.status === "cancelled" || subscription.status === "expired";

  return {
    teamId: access.team.id,
    teamStatus: team?.status ?? access.team.status,
    contractNumber: subscription.contractNumber,
    planCode: subscription.planCode,
    planName: plan?.name ?? subscription.planCode,
    billingPeriod: subscription.billingPeriod,
    status: subscription.status,
    startedAt: subscription.startedAt,
    currentPeriodStart: subscription.currentPeriodStart,
    currentPeriodEnd: subscription.currentPeriodEnd,
    renewsAt:
      subscription.cancelAtPeriodEnd || ended || subscription.status === "trialing"
        ? null
        : subscription.currentPeriodEnd,
    endsAt:
      subscription.cancelAtPeriodEnd || ended || subscription.status === "trialing"
        ? subscription.currentPeriodEnd
        : null,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    trialEndsAt: subscription.trialEndsAt,
    version: subscription.version,
    seats,
    extraStorageGb: subscription.extraStorageGb,
    extraDataTransferGb: subscription.extraDataTransferGb,
    extraRequests: subscription.extraRequests,
    plan: plan ?? null,
    meters,
    retention:
      team?.status === "terminated" && team.terminatedAt
        ? {
            terminatedAt: team.terminatedAt,
            purgeAt: purgeDateOf(team.terminatedAt),
            daysLeft: retentionDaysLeft(team.terminatedAt, now),
          }
        : null,
    billing: seesBilling
      ? {
          periodPriceCents: plan ? periodPrice(termsOf(subscription)) : null,
          paymentMethod: paymentMethod ?? null,
          cancelReason: subscription.cancelReason,
        }
      : null,
  };
}

/** What the owner can change to: the plans on sale for the team's product, with their add-ons and prices. */
export function planChoices(product: TeamAccess["team"]["product"]) {
  return plansOnSale(product);
}

/** For the banner on every page of a terminated team: how long its content is kept. */
export async function teamRetention(db: Queryable, teamId: string, now: Date) {
  const [team] = await db
    .select({ status: teams.status, terminatedAt: teams.terminatedAt })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (team?.status !== "terminated" || !team.terminatedAt) return null;
  return {
    terminatedAt: team.terminatedAt,
    purgeAt: purgeDateOf(team.terminatedAt),
    daysLeft: retentionDaysLeft(team.terminatedAt, now),
  };
}
