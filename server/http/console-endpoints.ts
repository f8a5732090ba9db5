import type { DatabaseHandle } from "@/db/client";
import { readinessProbe } from "../health/readiness";
import { shippedMigrations } from "../health/shipped-migrations";
import { jobRunnerHeartbeat } from "../jobs/job-heartbeat";
import { logger } from "../logger";
import { consoleMetrics } from "../metrics/console-metrics";
import { refreshScrapeGauges } from "../metrics/scrape-gauges";
import { isDraining } from "./draining";
import { type OwnEndpointSources, ownEndpoints } from "./own-endpoints";

/** The health and metrics endpoints of a running console, on the process's database. */
export function consoleEndpoints(settings: {
  database: () => Promise<DatabaseHandle>;
  metricsToken: string | null;
  mailBacklogLimit: number;
  mailDelivered: boolean;
}) {
  const readiness = readinessProbe({
    database: () => settings.database().then((handle) => handle.db),
    shippedMigrations: shippedMigrations(),
    heartbeat: jobRunnerHeartbeat,
    draining: isDraining,
    mailDelivered: settings.mailDelivered,
    mailBacklogLimit: settings.mailBacklogLimit,
  });
  const sources: OwnEndpointSources = {
    readiness,
    metricsToken: settings.metricsToken,
    async scrape() {
      const metrics = consoleMetrics();
      try {
        await refreshScrapeGauges(metrics, await settings.database(), jobRunnerHeartbeat(), new Date());
      } catch (error) {
        // The process's own metrics are worth having even while the database does not answer.
        logger.warn({ err: error }, "metrics: the database gauges were not refreshed");
      }
      return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
    },
  };
  return ownEndpoints(sources);
}
