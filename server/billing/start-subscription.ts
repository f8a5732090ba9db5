import { eq } from "drizzle-orm";
import { randomInt } from "node:crypto";
import type { Queryable } from "@/db/client";
import { subscriptions, teams } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { currentPlan } from "./plan-catalog";

/** The team's first contract: it makes the team active for one billing period. */
export async function startSubscription(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; planCode: string; billingPeriod: "monthly" | "annual"; seats: number },
): Promise<{ id: string }> {
  const plan = currentPlan(input.planCode);
  if (!plan) throw new DomainError("INVALID_INPUT", `There is no plan "${input.planCode}".`);
  const now = ctx.clock.now();
  const periodEnd = new Date(now);
  if (input.billingPeriod === "annual") periodEnd.setUTCFullYear(periodEnd.getUTCFullYear() + 1);
  else periodEnd.setUTCMonth(periodEnd.getUTCMonth() + 1);

  return db.transaction(async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, input.teamId)).for("update");
    if (!team) throw new DomainError("NOT_FOUND", "This team does not exist.");
    if (team.product !== plan.product) throw new DomainError("INVALID_INPUT", `Plan ${plan.name} is not for this team's product.`);
    if (input.seats < plan.minimumSeats) {
      throw new DomainError("INVALID_INPUT", `Plan ${plan.name} needs at least ${plan.minimumSeats} seats.`);
    }
    const [subscription] = await tx
      .insert(subscriptions)
      .values({
        teamId: team.id,
        contractNumber: `C-${now.getUTCFullYear()}-${randomInt(10_000_000, 99_999_999)}`,
        planCode: plan.code,
        planVersion: plan.version,
        billingPeriod: input.billingPeriod,
        status: "active",
        seats: input.seats,
        startedAt: now,
        currentPeriodStart: now,
        currentPeriodEnd: periodEnd,
        updatedAt: now,
      })
      .returning({ id: subscriptions.id, contractNumber: subscriptions.contractNumber });
    await tx.update(teams).set({ status: "active" }).where(eq(teams.id, team.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: team.id,
      action: "subscription.started",
      target: { type: "subscription", id: subscription!.id },
      before: { teamStatus: team.status },
      after: { plan: plan.code, planVersion: plan.version, billingPeriod: input.billingPeriod, seats: input.seats, teamStatus: "active" },
    });
    return { id: subscription!.id };
  });
}
