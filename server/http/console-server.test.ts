import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestMeta } from "../actor";
import { requestMetaFrom } from "../context";
import { REQUEST_ID_HEADER } from "./client-address";
import { createConsoleServer } from "./console-server";

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
