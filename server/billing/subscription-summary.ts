import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { subscriptions } from "@/db/schema";
import { seatsInUse } from "../members/seats";
import type { TeamAccess } from "../teams/team-access";
import { findPlan } from "./plan-catalog";

/** The contract as the Subscription page shows it; null when the team has none yet. */
export async function subscriptionSummary(db: Queryable, access: TeamAccess, now: Date) {
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.teamId, access.team.id));
  if (!subscription) return null;
  const plan = findPlan(subscription.planCode, subscription.planVersion);
  return {
    teamId: access.team.id,
    contractNumber: subscription.contractNumber,
    planName: plan?.name ?? subscription.planCode,
    billingPeriod: subscription.billingPeriod,
    status: subscription.status,
    startedAt: subscription.startedAt,
    renewsAt: subscription.cancelAtPeriodEnd ? null : subscription.currentPeriodEnd,
    endsAt: subscription.cancelAtPeriodEnd ? subscription.currentPeriodEnd : null,
    seats:
      access.team.product === "filemaker_cloud"
        ? { used: await seatsInUse(db, access.team.id, now), total: subscription.seats }
        : null,
    plan: plan ?? null,
  };
}
