import { and, count, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, memberships, teams } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import { actingAccount } from "../accounts/account-profile";
import { type Budget, spend, tryAgainAfter } from "../auth/rate-limits";
import { currentPlan, plansOnSale } from "../billing/plan-catalog";
import { startSubscription } from "../billing/start-subscription";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { productName, type TeamProduct } from "../permissions";
import { createTeam } from "./create-team";
import { teamName } from "./team-name";

/** Teams one account may own in a trial at once: enough to compare both products, not to live on trials. */
export const MAX_TRIALS_PER_ACCOUNT = 3;
/** Teams one account may create in a day, trials that ended or converted included. */
export const TEAMS_CREATED_PER_DAY: Budget = { name: "team-create", limit: 5, windowMs: DAY_MS };

/**
 * A new team, created by the signed-in person as its owner, on a 14-day trial of a plan on
 * sale for its product. Everything happens in one transaction: the team, its owner, the
 * trial and their audit events exist together or not at all. The account's row is locked
 * first, so two requests at once cannot both pass the trial limit.
 */
export async function startTrialTeam(
  db: Queryable,
  ctx: DomainContext,
  input: { product: TeamProduct; name: string; planCode: string },
): Promise<{ id: string }> {
  const { accountId } = actingAccount(ctx);
  const name = teamName(input.name);
  const offered = plansOnSale(input.product);
  const plan = currentPlan(input.planCode);
  if (!plan || plan.product !== input.product) {
    throw new DomainError("INVALID_INPUT", "planNotOfferedForProduct", {
      planCode: input.planCode,
      productName: productName(input.product),
      plans: offered.map((p) => p.name),
    });
  }
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for("no key update");
    const [trials] = await tx
      .select({ count: count() })
      .from(memberships)
      .innerJoin(teams, eq(teams.id, memberships.teamId))
      .where(and(eq(memberships.accountId, accountId), eq(memberships.role, "owner"), eq(teams.status, "trial")));
    if (trials!.count >= MAX_TRIALS_PER_ACCOUNT) {
      throw new DomainError("CONFLICT", "tooManyTrials", { count: trials!.count });
    }
    const spent = await spend(tx, TEAMS_CREATED_PER_DAY, accountId, now);
    if (!spent.allowed) {
      throw new DomainError(
        "RATE_LIMITED",
        "tooManyTeamsCreated",
        { tryAgainAfter: tryAgainAfter(spent.retryAt, now) },
        { retryAt: spent.retryAt.toISOString() },
      );
    }
    const team = await createTeam(tx, ctx, { name, product: input.product, ownerAccountId: accountId });
    await startSubscription(tx, ctx, {
      teamId: team.id,
      planCode: plan.code,
      billingPeriod: "monthly",
      seats: plan.minimumSeats,
      trial: true,
    });
    return { id: team.id };
  });
}
