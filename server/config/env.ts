import path from "node:path";

/**
 * Production is declared, not guessed: `next start` always runs with NODE_ENV=production,
 * including for a developer trying the demo, so the deployment says CONSOLE_ENV=production.
 */
export function isProduction(): boolean {
  return process.env.CONSOLE_ENV === "production";
}

/** Where the embedded database and generated secrets live. */
export function dataDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? ".data");
}
