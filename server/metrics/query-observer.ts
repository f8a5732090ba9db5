import type { QueryObserver } from "@/db/timed-client";
import { consoleMetrics } from "./console-metrics";

/** Counts the process's queries into console_db_query_duration_seconds and console_db_queries_in_flight. */
export function metricsQueryObserver(): QueryObserver {
  const metrics = consoleMetrics();
  return {
    sent: () => metrics.queriesInFlight.inc(),
    answered(durationMs, ok) {
      metrics.queriesInFlight.dec();
      metrics.queryDuration.observe({ outcome: ok ? "ok" : "error" }, durationMs / 1000);
    },
  };
}
