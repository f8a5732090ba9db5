import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { enqueueMail } from "../mail/enqueue-mail";
import { contextFor } from "../testing/callers";
import { withoutEnvironment } from "../testing/environment";
import { createCaller } from "./root";

const database = setUpTestDatabase();
const VARIABLES = ["CONSOLE_ENV", "DATABASE_URL", "SMTP_URL"] as const;

beforeAll(async () => {
  await enqueueMail(
    database.handle.db,
    {
      to: "noah.keller@acme.example",
      subject: "Reset your password",
      text: "Reset it here: http://localhost:3000/reset-password/secret-token",
    },
    new Date(),
  );
});
withoutEnvironment(VARIABLES);

/** The Mailbox as a visitor who is not signed in sees it. */
function anonymousMailbox() {
  return createCaller(contextFor(database.handle.db)).dev.mailbox({});
}

describe("the Mailbox", () => {
  it("shows the demo's mail on the embedded database with no settings", async () => {
    expect((await anonymousMailbox()).map((mail) => mail.subject)).toContain("Reset your password");
  });

  it("does not exist on a database server unless CONSOLE_ENV=demo, nor in production", async () => {
    process.env.DATABASE_URL = "postgres://console@db.internal/console";
    await expect(anonymousMailbox()).rejects.toSatisfy(
      (error) => error instanceof TRPCError && error.code === "NOT_FOUND",
    );
    process.env.CONSOLE_ENV = "production";
    await expect(anonymousMailbox()).rejects.toSatisfy(
      (error) => error instanceof TRPCError && error.code === "NOT_FOUND",
    );
    delete process.env.DATABASE_URL;
    await expect(anonymousMailbox()).rejects.toSatisfy(
      (error) => error instanceof TRPCError && error.code === "NOT_FOUND",
    );
    process.env.CONSOLE_ENV = "demo";
    process.env.DATABASE_URL = "postgres://console@db.internal/console";
    expect(await anonymousMailbox()).not.toHaveLength(0);
  });

  it("shows nothing when SMTP delivers the mail", async () => {
    process.env.SMTP_URL = "smtp://mail.internal:587";
    expect(await anonymousMailbox()).toEqual([]);
  });
});
