import { describe, expect, it } from "vitest";
import { withoutEnvironment } from "../testing/environment";
import { consoleMode, listenAddresses, mailboxShowsMail } from "./env";

const VARIABLES = ["CONSOLE_ENV", "DATABASE_URL", "SMTP_URL", "HOST"] as const;

withoutEnvironment(VARIABLES);

describe("the console's mode", () => {
  it("is a demo on the embedded database with no settings, listening on loopback only", () => {
    expect(consoleMode()).toBe("demo");
    expect(listenAddresses()).toEqual(["127.0.0.1", "::1"]);
    expect(mailboxShowsMail()).toBe(true);
  });

  it("is never a demo on a database server unless CONSOLE_ENV=demo asks for it", () => {
    process.env.DATABASE_URL = "postgres://console@db.internal/console";
    expect(consoleMode()).toBe("standard");
    expect(listenAddresses()).toEqual([]);
    expect(mailboxShowsMail()).toBe(false);
    process.env.CONSOLE_ENV = "demo";
    expect(consoleMode()).toBe("demo");
    expect(listenAddresses()).toEqual(["127.0.0.1", "::1"]);
  });

  it("is production when declared, on either database", () => {
    process.env.CONSOLE_ENV = "production";
    expect(consoleMode()).toBe("production");
    expect(mailboxShowsMail()).toBe(false);
    process.env.DATABASE_URL = "postgres://console@db.internal/console";
    expect(consoleMode()).toBe("production");
  });

  it("listens where HOST says, in any mode", () => {
    process.env.HOST = "0.0.0.0";
    expect(listenAddresses()).toEqual(["0.0.0.0"]);
  });

  it("keeps the Mailbox empty of mail when SMTP delivers it", () => {
    process.env.SMTP_URL = "smtp://mail.internal:587";
    expect(mailboxShowsMail()).toBe(false);
  });

  it("refuses a CONSOLE_ENV it does not know, rather than guessing a demo", () => {
    process.env.CONSOLE_ENV = "prod";
    expect(() => consoleMode()).toThrow('CONSOLE_ENV is "prod"; set it to "production" or "demo", or leave it unset.');
  });
});
