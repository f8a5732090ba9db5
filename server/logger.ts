import pino from "pino";
import pretty from "pino-pretty";

/**
 * Fields of database errors that carry the values of a query (emails, password hashes) rather
 * than its shape: drizzle's `params`, postgres.js' `parameters`/`args`, PostgreSQL's `detail`
 * ("Key (email)=(…) already exists") and `where`.
 */
const VALUE_FIELDS = new Set(["params", "parameters", "args", "detail", "where", "internalQuery", "raw"]);
const MAX_CAUSES = 5;

type SerializedError = {
  type: string;
  message: string;
  stack?: string;
  cause?: SerializedError;
  [field: string]: unknown;
};

/**
 * Errors as pino logs them, minus the values a failed query was given: drizzle puts them in its
 * message ("params: …"), PostgreSQL quotes them in some of its own ("invalid input syntax for
 * type uuid: \"…\""). The query text, SQLSTATE code and constraint stay, which is what a reader
 * of the log needs.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const message = safeMessage(error);
  const serialized: SerializedError = {
    type: error.constructor?.name ?? error.name,
    message,
    ...(error.stack ? { stack: error.stack.replace(error.message, message) } : {}),
  };
  for (const [field, value] of Object.entries(error)) {
    if (VALUE_FIELDS.has(field) || field === "cause" || value instanceof Error) continue;
    serialized[field] = value;
  }
  if (error.cause !== undefined && depth < MAX_CAUSES)
    serialized.cause = serializeError(error.cause, depth + 1) as SerializedError;
  return serialized;
}

function safeMessage(error: Error): string {
  if (isDatabaseError(error)) return error.message.replace(/"(?:[^"\\]|\\.)*"/g, '"[redacted]"');
  if (isFailedQuery(error)) return `Failed query: ${error.query}`;
  return error.message;
}

/** drizzle's wrapper around a failed query: "Failed query: <sql>\nparams: <values>". */
function isFailedQuery(error: Error): error is Error & { query: string } {
  return typeof (error as { query?: unknown }).query === "string" && error.message.startsWith("Failed query: ");
}

/** A PostgreSQL error as postgres.js (severity_local) or PGlite (severity) reports it. */
function isDatabaseError(error: Error): boolean {
  const fields = error as { code?: unknown; severity?: unknown; severity_local?: unknown };
  return typeof fields.code === "string" && (fields.severity !== undefined || fields.severity_local !== undefined);
}

export function createLogger(destination: pino.DestinationStream | undefined = terminalDestination()): pino.Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
      base: { service: "customer-console" },
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: ["*.password", "*.token", "*.secret", "password", "token"], censor: "[redacted]" },
    },
    destination,
  );
}

/**
 * A person running the demo in a terminal reads the log: one coloured line per entry. Everywhere
 * else (a file, a pipe, a log collector, any other mode) the log stays JSON lines.
 */
export function logsPrettyInTerminal(
  env: Record<string, string | undefined> = process.env,
  stdoutIsTerminal = process.stdout.isTTY === true,
): boolean {
  const demo = env.CONSOLE_ENV === "demo" || (env.CONSOLE_ENV === undefined && !env.DATABASE_URL);
  return demo && stdoutIsTerminal && !env.VITEST;
}

function terminalDestination(): pino.DestinationStream | undefined {
  if (!logsPrettyInTerminal()) return undefined;
  return pretty({
    colorize: true,
    sync: true,
    singleLine: true,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,service",
  });
}

/** JSON lines on stdout (pretty in a demo's terminal); secrets and personal data never go in, ids do. */
export const logger = createLogger();

export type Logger = pino.Logger;
