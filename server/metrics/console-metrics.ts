import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

function createConsoleMetrics() {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: "console_" });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "console_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by normalised route (ids, tokens and emails replaced by placeholders), method and status.",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    procedureDuration: new Histogram({
      name: "console_trpc_procedure_duration_seconds",
      help: "Time a tRPC procedure took, by procedure and outcome (OK or the tRPC error code).",
      labelNames: ["procedure", "code"] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    procedureRefusals: new Counter({
      name: "console_trpc_refusals_total",
      help: "tRPC calls refused, by the refusal's code (a domain code such as SEAT_LIMIT, or the tRPC code).",
      labelNames: ["code"] as const,
      registers,
    }),
    queryDuration: new Histogram({
      name: "console_db_query_duration_seconds",
      help: "Time a database query took from its dispatch to its answer, by outcome (ok or error).",
      labelNames: ["outcome"] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    queriesInFlight: new Gauge({
      name: "console_db_queries_in_flight",
      help: "Database queries sent and not yet answered: with PostgreSQL, about the pool's busy connections (postgres.js does not publish its pool).",
      registers,
    }),
    poolMaxConnections: new Gauge({
      name: "console_db_pool_max_connections",
      help: "Connections the database pool may open (the embedded PGlite database has exactly one).",
      labelNames: ["driver"] as const,
      registers,
    }),
    jobRuns: new Counter({
      name: "console_job_runs_total",
      help: "Runs of a background job on this server, failed ones included.",
      labelNames: ["job"] as const,
      registers,
    }),
    jobFailures: new Counter({
      name: "console_job_failures_total",
      help: "Runs of a background job that ended in an error.",
      labelNames: ["job"] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: "console_job_duration_seconds",
      help: "Time one run of a background job took.",
      labelNames: ["job"] as const,
      buckets: [0.005, 0.025, 0.1, 0.5, 1, 5, 15, 60, 120, 300],
      registers,
    }),
    jobLag: new Gauge({
      name: "console_job_lag_seconds",
      help: "Time since the job last completed on this server; compare with console_job_interval_seconds.",
      labelNames: ["job"] as const,
      registers,
    }),
    jobInterval: new Gauge({
      name: "console_job_interval_seconds",
      help: "The pause between two runs of the background jobs (JOB_INTERVAL_MS).",
      registers,
    }),
    mailBacklog: new Gauge({
      name: "console_mail_outbox_backlog",
      help: "Mail due and not yet delivered (counted up to 100000).",
      registers,
    }),
    webhookBacklog: new Gauge({
      name: "console_webhook_delivery_backlog",
      help: "Webhook deliveries pending or waiting for a retry (counted up to 100000).",
      registers,
    }),
    alertBacklog: new Gauge({
      name: "console_alert_delivery_backlog",
      help: "Security alerts for the operator's ALERT_WEBHOOK_URL pending or waiting for a retry (counted up to 100000).",
      registers,
    }),
    activeSessions: new Gauge({
      name: "console_active_sessions",
      help: "Sign-in sessions neither ended nor expired (counted up to 100000).",
      registers,
    }),
    openSupportSessions: new Gauge({
      name: "console_open_support_sessions",
      help: "Support sessions viewing a team now (counted up to 100000).",
      registers,
    }),
    signInSuccesses: new Counter({
      name: "console_sign_in_successes_total",
      help: "Sign-ins that opened a session.",
      registers,
    }),
    signInFailures: new Counter({
      name: "console_sign_in_failures_total",
      help: "Sign-in attempts refused for a wrong password or a wrong second-step code, by step.",
      labelNames: ["step"] as const,
      registers,
    }),
    signInLocks: new Counter({
      name: "console_sign_in_locks_total",
      help: "Sign-in locks imposed after too many failures, by step (password or second_step).",
      labelNames: ["step"] as const,
      registers,
    }),
  };
}

export type ConsoleMetrics = ReturnType<typeof createConsoleMetrics>;

const holder = globalThis as typeof globalThis & { customerConsoleMetrics?: ConsoleMetrics };

/**
 * The process's one set of metrics. The HTTP server and Next's bundle load their own copies of
 * this module; the set lives on globalThis, so both count into the registry /metrics reads.
 */
export function consoleMetrics(): ConsoleMetrics {
  holder.customerConsoleMetrics ??= createConsoleMetrics();
  return holder.customerConsoleMetrics;
}
