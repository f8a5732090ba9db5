import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { guardedFetch } from "./guarded-fetch";

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((_request, response) => response.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => {
  vi.unstubAllEnvs();
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "connected",
    (error: { cause?: { code?: string } }) => error.cause?.code ?? "failed",
  );

describe("a connection to an identity provider", () => {
  it("is refused at connect time when the host's address is private, whatever was checked before", async () => {
    vi.stubEnv("CONSOLE_ENV", "production");
    // localhost resolves to loopback: what a rebinding DNS answer would give after the check.
    expect(await codeOf(guardedFetch(`http://localhost:${port}/`))).toBe("EPRIVATEADDRESS");
  });

  it("reaches loopback in a demo, and a private host an operator allowed by name", async () => {
    vi.stubEnv("CONSOLE_ENV", "demo");
    expect(await codeOf(guardedFetch(`http://localhost:${port}/`))).toBe("connected");
    vi.stubEnv("CONSOLE_ENV", "production");
    vi.stubEnv("OUTBOUND_ALLOWED_HOSTS", "localhost");
    expect(await codeOf(guardedFetch(`http://localhost:${port}/`))).toBe("connected");
  });
});
