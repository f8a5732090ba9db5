import { subscriptionSummary } from "../billing/subscription-summary";
import { router, teamProcedure } from "../trpc";

export const subscriptionRouter = router({
  summary: teamProcedure("subscription.read").query(({ ctx }) =>
    subscriptionSummary(ctx.db, ctx.access, ctx.clock.now()),
  ),
});
