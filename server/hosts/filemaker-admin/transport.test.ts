import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type RequestListener, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFileMakerAdminDriver } from "./filemaker-admin-driver";
import { HostApiError, HostTlsError, HostUnreachable, NotAnAdminApi } from "./host-errors";

const servers: Server[] = [];
let certificateDir: string;
let tls: { key: string; cert: string };

beforeAll(() => {
  certificateDir = mkdtempSync(join(tmpdir(), "host-tls-"));
  const key = join(certificateDir, "key.pem");
  const cert = join(certificateDir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  tls = { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
});

afterAll(() => rmSync(certificateDir, { recursive: true, force: true }));

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server, scheme: "http" | "https") {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Answers like an Admin API with a version, and nothing else. */
const tinyAdminApi: RequestListener = (req, res) => {
  const response = req.url?.endsWith("user/auth") ? { token: "t" } : { ServerVersion: "21.1.1.41" };
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ response, messages: [{ code: "0", text: "OK" }] }));
};

const driverFor = (baseUrl: string, options: { ca?: string; timeoutMs?: number } = {}) =>
  createFileMakerAdminDriver({ baseUrl, adminUser: "admin", adminPassword: "pw", ...options });

describe("reaching a host", () => {
  it("gives up on a host that never answers", async () => {
    const url = await listen(
      createHttpServer(() => {}),
      "http",
    );
    const error = await driverFor(url, { timeoutMs: 150 })
      .serverVersion()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostUnreachable);
    expect((error as HostUnreachable).reason).toBe("no answer within 150 ms");
  });

  it("reports a port nothing listens on as unreachable", async () => {
    const url = await listen(createHttpServer(tinyAdminApi), "http");
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(driverFor(url).serverVersion()).rejects.toMatchObject({ reason: "ECONNREFUSED" });
  });

  it("refuses a certificate it cannot verify, and trusts it once it is the host's configured CA", async () => {
    const url = await listen(createHttpsServer(tls, tinyAdminApi), "https");
    const error = await driverFor(url)
      .serverVersion()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostTlsError);
    expect((error as HostTlsError).reason).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");

    expect(await driverFor(url, { ca: tls.cert }).serverVersion()).toBe("21.1.1.41");
  });

  it("tells a web page apart from the Admin API", async () => {
    const url = await listen(
      createHttpServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<!doctype html><title>Welcome</title>");
      }),
      "http",
    );
    await expect(driverFor(url).serverVersion()).rejects.toBeInstanceOf(NotAnAdminApi);
  });

  it("keeps no more of a server's refusal than a page and the audit log can show", async () => {
    const url = await listen(
      createHttpServer((_req, res) => {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ response: {}, messages: [{ code: "9".repeat(100), text: "x".repeat(100_000) }] }));
      }),
      "http",
    );
    const refusal = await driverFor(url)
      .serverVersion()
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HostApiError);
    expect((refusal as HostApiError).apiText).toHaveLength(500);
    expect((refusal as HostApiError).apiCode).toHaveLength(20);
  });
});
