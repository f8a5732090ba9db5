import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { logsPrettyInTerminal } from "./logger";
import { capturingLogger } from "./testing/capturing-logger";

const database = setUpTestDatabase();
const EMAIL = "owner@acme.example";
const HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the query to fail");
    },
    (error: unknown) => error,
  );
}

describe("logged database errors", () => {
  it("keep the query and its SQLSTATE but none of its parameters (a duplicate email and a password hash)", async () => {
    const error = await failure(
      database.handle.db.insert(accounts).values({ email: EMAIL, name: "Someone Else", passwordHash: HASH }),
    );
    expect(String((error as Error).message)).toContain(EMAIL);

    const { log, lines } = capturingLogger();
    log.error({ err: error }, "procedure failed");
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(EMAIL);
    expect(logged).not.toContain("argon2id");
    const entry = lines[0] as { err: { message: string; cause: { code: string } } };
    expect(entry.err.message).toContain('insert into "accounts"');
    expect(entry.err.cause.code).toBe("23505");
  });

  it("hide a value PostgreSQL quotes in its own message", async () => {
    const error = await failure(database.handle.db.select().from(accounts).where(eq(accounts.id, EMAIL)));
    const { log, lines } = capturingLogger();
    log.error({ err: error }, "procedure failed");
    expect(JSON.stringify(lines)).not.toContain(EMAIL);
    expect(JSON.stringify(lines)).toContain("invalid input syntax for type uuid");
  });
});

describe("the log's format", () => {
  it("is readable lines only for a demo in a terminal, and JSON lines everywhere else", () => {
    expect(logsPrettyInTerminal({}, true)).toBe(true);
    expect(logsPrettyInTerminal({ CONSOLE_ENV: "demo", DATABASE_URL: "postgres://db/console" }, true)).toBe(true);
    expect(logsPrettyInTerminal({}, false)).toBe(false);
    expect(logsPrettyInTerminal({ CONSOLE_ENV: "production" }, true)).toBe(false);
    expect(logsPrettyInTerminal({ DATABASE_URL: "postgres://db/console" }, true)).toBe(false);
    expect(logsPrettyInTerminal({ VITEST: "true" }, true)).toBe(false);
  });
});
