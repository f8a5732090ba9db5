import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type HostsEmulator, startHostsEmulator } from "@/hosts-emulator/emulator";
import { fixedClock } from "@/server/clock";
import { serverStatusSchema, tokenSchema } from "./admin-api-schemas";
import { HostApiError, HostUnreachable } from "./host-errors";
import { readAnswer } from "./read-answer";
import { createTokenSession } from "./token-session";
import { createTransport, type Transport, type TransportAnswer, type TransportRequest } from "./transport";

const MINUTE = 60_000;
let hostClock: ReturnType<typeof fixedClock>;
let emulator: HostsEmulator;
let transport: Transport;
let tokensIssued: string[];

beforeEach(async () => {
  hostClock = fixedClock("2026-03-02T09:00:00Z");
  emulator = await startHostsEmulator({
    clock: hostClock,
    hosts: [{ id: "acme", adminUser: "admin", adminPassword: "pw" }],
  });
  const real = createTransport({ baseUrl: emulator.url("acme") });
  tokensIssued = [];
  transport = async (request) => {
    const answer = await real(request);
    if (request.path === "user/auth") tokensIssued.push(readAnswer(answer, tokenSchema, "test").token);
    return answer;
  };
});

afterEach(() => emulator.close());

const readStatus = (session: ReturnType<typeof createTokenSession>) =>
  session.call({ method: "GET", path: "server/status" }, serverStatusSchema, "Reading the status");

describe("the Admin API token session", () => {
  it("asks for one token and reuses it for many calls, also when they start at once", async () => {
    const session = createTokenSession({ transport, adminUser: "admin", adminPassword: "pw", clock: hostClock });
    await Promise.all([readStatus(session), readStatus(session), readStatus(session)]);
    for (let call = 0; call < 5; call++) {
      hostClock.advance(5 * MINUTE);
      await readStatus(session);
    }
    expect(tokensIssued).toHaveLength(1);
  });

  it("asks for a new token once the old one has been idle too long", async () => {
    const session = createTokenSession({ transport, adminUser: "admin", adminPassword: "pw", clock: hostClock });
    await readStatus(session);
    hostClock.advance(16 * MINUTE);
    expect(await readStatus(session)).toEqual({ running: true });
    expect(tokensIssued).toHaveLength(2);
  });

  it("replaces a token the host no longer accepts and repeats the call once", async () => {
    const ownClock = fixedClock("2026-03-02T09:00:00Z");
    const session = createTokenSession({ transport, adminUser: "admin", adminPassword: "pw", clock: ownClock });
    await readStatus(session);
    hostClock.advance(16 * MINUTE);
    expect(await readStatus(session)).toEqual({ running: true });
    expect(tokensIssued).toHaveLength(2);
  });

  it("gives the token back on close, after which the host refuses it", async () => {
    const session = createTokenSession({ transport, adminUser: "admin", adminPassword: "pw", clock: hostClock });
    await readStatus(session);
    await session.close();
    const answer = await transport({
      method: "GET",
      path: "server/status",
      authorization: `Bearer ${tokensIssued[0]}`,
    });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text).messages).toEqual([{ code: "952", text: "Invalid token" }]);
  });
});

describe("retrying a call after a failure", () => {
  const ok = (response: object): TransportAnswer => ({
    status: 200,
    contentType: "application/json",
    text: JSON.stringify({ response, messages: [{ code: "0", text: "OK" }] }),
  });
  const serverError: TransportAnswer = {
    status: 502,
    contentType: "application/json",
    text: JSON.stringify({ response: {}, messages: [{ code: "-1", text: "Bad gateway" }] }),
  };

  /** A host that fails each call's first attempt with `failure`, then answers. */
  function flakyHost(failure: () => TransportAnswer) {
    const attempts: string[] = [];
    const transport: Transport = async (request: TransportRequest) => {
      if (request.path === "user/auth") return ok({ token: "t" });
      attempts.push(request.method);
      return attempts.length % 2 === 1 ? failure() : ok({ running: true });
    };
    return {
      attempts,
      session: createTokenSession({
        transport,
        adminUser: "a",
        adminPassword: "b",
        clock: fixedClock("2026-03-02T09:00:00Z"),
      }),
    };
  }

  it("reads again once after a server error or a network failure", async () => {
    for (const failure of [
      () => serverError,
      () => {
        throw new HostUnreachable("ECONNRESET");
      },
    ]) {
      const { attempts, session } = flakyHost(failure);
      expect(await readStatus(session)).toEqual({ running: true });
      expect(attempts).toEqual(["GET", "GET"]);
    }
  });

  it("never repeats a change, which the host may already have made", async () => {
    const { attempts, session } = flakyHost(() => serverError);
    const stopping = session.call(
      { method: "PATCH", path: "server/status", body: { running: false } },
      serverStatusSchema,
      "Stopping",
    );
    await expect(stopping).rejects.toBeInstanceOf(HostApiError);
    expect(attempts).toEqual(["PATCH"]);
  });
});
