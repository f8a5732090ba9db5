import { z } from "zod";
import { METRIC_RANGES } from "@/lib/host-metric-ranges";
import { metricSeries } from "../hosts/metrics/metric-series";
import { router, teamInput, teamProcedure } from "../trpc";

export const hostMetricSeriesInput = teamInput.extend({ hostId: z.uuid(), range: z.enum(METRIC_RANGES) });

export const hostMetricsRouter = router({
  series: teamProcedure("hosts.read")
    .input(hostMetricSeriesInput)
    .query(({ ctx, input }) => metricSeries(ctx.db, ctx.access.team.id, input.hostId, input.range, ctx.clock.now())),
});
