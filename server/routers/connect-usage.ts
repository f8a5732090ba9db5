import { connectUsageOverview } from "../connect-usage/usage-overview";
import { router, teamProcedure } from "../trpc";

export const connectUsageRouter = router({
  overview: teamProcedure("connectUsage.read").query(({ ctx }) =>
    connectUsageOverview(ctx.db, ctx.access.team.id, ctx.clock.now()),
  ),
});
