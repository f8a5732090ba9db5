import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestMeta } from "../actor";
import { requestMetaFrom } from "../context";
import { capturingLogger } from "../testing/capturing-logger";
import { REQUEST_ID_HEADER } from "./client-address";
import { createConsoleServer } from "./console-server";
import { noteRequestActor, openRequestActorCount } from "./request-actors";

/**
 * The console's HTTP server in front of a handler that answers what the app would make of the
 * request (requestMetaFrom, as the tRPC context and the sign-in use it), over a real socket.
 */
const server = createConsoleServer((req, res) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(requestMetaFrom(headers)));
});
let origin = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  delete process.env.TRUSTED_PROXIES;
});

async function meta(headers: Record<string, string>): Promise<RequestMeta> {
  return (await (await fetch(origin, { headers })).json()) as RequestMeta;
}

const spoofed = {
  "x-forwarded-for": "203.0.113.9",
  "x-real-ip": "203.0.113.10",
  "x-request-id": "chosen-by-the-client",
  "x-console-peer-address": "198.51.100.1",
  [REQUEST_ID_HEADER]: "also-chosen-by-the-client",
};

describe("the console's HTTP server", () => {
  it("records the socket's address and a fresh request id, whatever headers the client sends", async () => {
    delete process.env.TRUSTED_PROXIES;
    const answer = await meta(spoofed);
    expect(answer.ip).toBe("127.0.0.1");
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("behind a listed proxy records the client it names, and keeps its request id", async () => {
    process.env.TRUSTED_PROXIES = "127.0.0.0/8, ::1";
    const answer = await meta({ "x-forwarded-for": "1.2.3.4, 203.0.113.9", "x-request-id": "req-from-the-proxy-1" });
    expect(answer).toMatchObject({ ip: "203.0.113.9", requestId: "req-from-the-proxy-1" });
  });

  it("does not trust a proxy that is not listed", async () => {
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    const answer = await meta(spoofed);
    expect(answer.ip).toBe("127.0.0.1");
    expect(answer.requestId).not.toContain("chosen");
  });
});

describe("the log line of a request", () => {
  /** A server whose app names the request's actor as the tRPC and REST layers do, logging into an array. */
  function loggingServer(app: (req: IncomingMessage, res: ServerResponse) => void) {
    const { log, lines } = capturingLogger();
    return { server: createConsoleServer(app, { log }), lines };
  }

  async function listening(server: Server): Promise<string> {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("is written once when the response ends, with request id, actor, normalised route, method, status and duration", async () => {
    const accountId = "6a1d3c2e-8f4b-4a7d-9c1e-2b3a4c5d6e7f";
    const { server, lines } = loggingServer((req, res) => {
      noteRequestActor(String(req.headers[REQUEST_ID_HEADER]), {
        kind: "account",
        accountId,
        email: "ann@acme.example",
        sessionId: null,
        mfaVerified: true,
      });
      res.statusCode = 201;
      res.end("done");
    });
    const base = await listening(server);
    try {
      const response = await fetch(`${base}/teams/0b6f7c1e-2d3a-4f5b-8c9d-0e1f2a3b4c5d/users?search=ann@acme.example`, {
        method: "POST",
      });
      await response.text();
      await expect.poll(() => lines.length).toBe(1);
      expect(lines[0]).toMatchObject({
        msg: "request",
        requestId: response.headers.get("x-request-id"),
        actor: { kind: "account", id: accountId },
        route: "/teams/:id/users",
        method: "POST",
        status: 201,
      });
      expect(lines[0]!.durationMs).toEqual(expect.any(Number));
      expect(JSON.stringify(lines[0])).not.toContain("acme.example");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("names the procedures of a tRPC batch, and forgets the actor of a request the client gave up on", async () => {
    const before = openRequestActorCount();
    const { server, lines } = loggingServer((req, res) => {
      if (req.url?.startsWith("/api/trpc/")) return res.end("[]");
      // Never answers: the client aborts.
    });
    const base = await listening(server);
    try {
      await (await fetch(`${base}/api/trpc/auth.session,teams.list?batch=1&input=%7B%7D`)).text();
      const aborted = new AbortController();
      const hanging = fetch(`${base}/reset-password/q3VfZ1x8r0dN4k2pW7sTbYc9mJhLaEoUiGnXvBzQ`, {
        signal: aborted.signal,
      });
      await expect.poll(() => openRequestActorCount()).toBe(before + 1);
      aborted.abort();
      await expect(hanging).rejects.toThrow();
      await expect.poll(() => lines.length).toBe(2);
      expect(lines.map(({ route, status, actor }) => ({ route, status, actor }))).toEqual([
        { route: "/api/trpc/auth.session,teams.list", status: 200, actor: { kind: "anonymous" } },
        { route: "/reset-password/:token", status: 499, actor: { kind: "anonymous" } },
      ]);
      expect(lines[1]).toMatchObject({ aborted: true });
      expect(openRequestActorCount()).toBe(before);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
