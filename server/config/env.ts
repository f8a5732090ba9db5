import "server-only";
import path from "node:path";

/**
 * What the console is running as. Demo data, the Mailbox page and the published support key
 * exist only in `demo`, which the embedded database gives by itself (so `npm start` on a fresh
 * clone shows something) and a database server gets only when CONSOLE_ENV=demo says so.
 * `production` is declared, not guessed: `next start` always has NODE_ENV=production.
 * `standard` is a database server without either: no demo, generated secrets allowed.
 */
export type ConsoleMode = "production" | "demo" | "standard";

export function consoleMode(): ConsoleMode {
  const declared = process.env.CONSOLE_ENV;
  if (declared === "production" || declared === "demo") return declared;
  if (declared) {
    throw new Error(`CONSOLE_ENV is "${declared}"; set it to "production" or "demo", or leave it unset.`);
  }
  return process.env.DATABASE_URL ? "standard" : "demo";
}

export function isProduction(): boolean {
  return consoleMode() === "production";
}

export function isDemo(): boolean {
  return consoleMode() === "demo";
}

/** The Mailbox page keeps mail for a demo; with an SMTP server the mail goes there instead. */
export function mailboxShowsMail(): boolean {
  return isDemo() && !process.env.SMTP_URL;
}

/**
 * The addresses to listen on: HOST when set; a demo stays on this machine (both loopback
 * families, since "localhost" may be either); otherwise every interface (empty list).
 */
export function listenAddresses(): string[] {
  const host = process.env.HOST?.trim();
  if (host) return [host];
  return isDemo() ? ["127.0.0.1", "::1"] : [];
}

/** Where the embedded database and generated secrets live. */
export function dataDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? ".data");
}
