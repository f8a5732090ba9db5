import pino from "pino";

/** JSON lines on stdout; secrets and personal data never go in, ids do. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: { service: "customer-console" },
  redact: { paths: ["*.password", "*.token", "*.secret", "password", "token"], censor: "[redacted]" },
});

export type Logger = pino.Logger;
