import { count, eq } from "drizzle-orm";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { mailOutbox } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { anonymousActor } from "../actor";
import { fixedClock } from "../clock";
import { accountActor, contextFor } from "../testing/callers";
import { handleApiRequest, MAX_API_BODY_BYTES, MAX_BATCH_SIZE } from "./api-handler";

const database = setUpTestDatabase();
const clock = fixedClock("2026-09-01T09:00:00Z");

function anonymous() {
  return async () => ({
    ...contextFor(database.handle.db, anonymousActor, { clock }),
    request: { requestId: "req-api-handler", ip: "198.51.100.70", userAgent: "test" },
  });
}

function batchBody(inputs: unknown[]): string {
  return JSON.stringify(Object.fromEntries(inputs.map((input, i) => [String(i), superjson.serialize(input)])));
}

async function mailsTo(address: string): Promise<number> {
  const [row] = await database.handle.db
    .select({ n: count() })
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, address));
  return row!.n;
}

describe("the API endpoint", () => {
  it("refuses a batch of sign-in or account recovery calls before running any of them", async () => {
    const email = "chloe.martin@acme.example";
    const request = new Request(
      "http://console.test/api/trpc/auth.requestPasswordReset,auth.requestPasswordReset?batch=1",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: batchBody([{ email }, { email }]),
      },
    );
    const response = await handleApiRequest(request, { clock, createContext: anonymous() });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(
      "Sign-in and account recovery calls cannot be batched; send each in a request of its own.",
    );
    expect(await mailsTo(email)).toBe(0);
  });

  it("refuses a batch of more calls than it allows, and runs a batch within the limit", async () => {
    const actor = await accountActor(database.handle.db, "manager@acme.example");
    const createContext = async () => contextFor(database.handle.db, actor, { clock });
    const batch = (n: number) =>
      new Request(
        `http://console.test/api/trpc/${Array(n).fill("teams.mine").join(",")}?batch=1&input=${encodeURIComponent(batchBody(Array(n).fill(undefined)))}`,
      );
    const tooMany = await handleApiRequest(batch(MAX_BATCH_SIZE + 1), { clock, createContext });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.message).toBe("A batch holds at most 10 calls; split it.");
    const allowed = await handleApiRequest(batch(MAX_BATCH_SIZE), { clock, createContext });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toHaveLength(MAX_BATCH_SIZE);
  });

  it("answers 413 to a body over the limit, whether its length is declared or it streams without one", async () => {
    const oversized = JSON.stringify(
      superjson.serialize({ email: "a@example.com", padding: "x".repeat(MAX_API_BODY_BYTES) }),
    );
    const declared = new Request("http://console.test/api/trpc/auth.requestPasswordReset", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(oversized.length) },
      body: oversized,
    });
    const refusedByLength = await handleApiRequest(declared, { clock, createContext: anonymous() });
    expect(refusedByLength.status).toBe(413);
    expect((await refusedByLength.json()).error.message).toBe(
      "The request body is larger than 1 MB. Send less in one call.",
    );

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const streamed = new Request("http://console.test/api/trpc/auth.requestPasswordReset", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    const refusedWhileReading = await handleApiRequest(streamed, { clock, createContext: anonymous() });
    expect(refusedWhileReading.status).toBe(413);
    expect(pulled).toBeLessThan(MAX_API_BODY_BYTES + 256 * 1024);
  });

  it("says in Retry-After when a rate-limited call may come back", async () => {
    const call = () =>
      handleApiRequest(
        new Request("http://console.test/api/trpc/auth.requestPasswordReset", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(superjson.serialize({ email: "retry-after@elsewhere.example" })),
        }),
        { clock, createContext: anonymous() },
      );
    for (let i = 0; i < 5; i++) expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3600");
  });
});
