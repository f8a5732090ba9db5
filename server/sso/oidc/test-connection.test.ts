import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type OidcPeer, startOidcPeer } from "@/sso-peers/oidc-provider";
import { testOidcConnection } from "./test-connection";

// The providers of these tests run on this machine, over http: only a demo allows that.
vi.stubEnv("CONSOLE_ENV", "demo");

const credentials = { clientId: "console", clientSecret: "console-secret" };
let peer: OidcPeer;
/** A web server that is not an OpenID Connect provider, in the ways managers meet. */
let impostor: http.Server;
let impostorUrl: string;

beforeAll(async () => {
  peer = await startOidcPeer({ port: 0, clients: [], people: [] });
  impostor = http.createServer((req, res) => {
    const issuer = `http://localhost:${(impostor.address() as AddressInfo).port}`;
    if (req.url === "/html/.well-known/openid-configuration") {
      res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Welcome</title>");
    } else if (req.url === "/keyless/.well-known/openid-configuration") {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          issuer: `${issuer}/keyless`,
          authorization_endpoint: `${issuer}/keyless/auth`,
          token_endpoint: `${issuer}/keyless/token`,
          jwks_uri: `${issuer}/keyless/jwks`,
        }),
      );
    } else if (req.url === "/keyless/jwks") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ keys: [{ kty: "RSA", use: "enc" }] }));
    } else {
      res.writeHead(404).end();
    }
  });
  impostorUrl = await listen(impostor);
});

afterAll(async () => {
  await peer.close();
  await new Promise((resolve) => impostor.close(resolve));
  vi.unstubAllEnvs();
});

describe("Test connection of an OpenID Connect provider", () => {
  it("reports the provider's endpoints and signing keys", async () => {
    const report = await testOidcConnection({ issuer: peer.issuer, ...credentials });
    expect(report).toEqual({
      ok: true,
      issuer: peer.issuer,
      authorizationEndpoint: `${peer.issuer}/auth`,
      tokenEndpoint: `${peer.issuer}/token`,
      jwksUri: `${peer.issuer}/jwks`,
      signingAlgorithms: expect.arrayContaining(["RS256"]),
      scopesSupported: expect.arrayContaining(["openid", "email", "profile"]),
      keyCount: 1,
    });
  });

  it("names the issuer the provider calls itself when it differs from the configured one", async () => {
    const report = await testOidcConnection({ issuer: `${peer.issuer}/`, ...credentials });
    expect(report).toMatchObject({ ok: false, problem: "issuer_mismatch" });
    expect(report.ok === false && report.detail).toContain(`"${peer.issuer}"`);
  });

  it("says so when the issuer answers with a web page instead of JSON", async () => {
    const report = await testOidcConnection({ issuer: `${impostorUrl}/html`, ...credentials });
    expect(report).toMatchObject({ ok: false, problem: "not_json" });
    expect(report.ok === false && report.detail).toContain("text/html");
  });

  it("says so when the issuer has no discovery document", async () => {
    const report = await testOidcConnection({ issuer: `${impostorUrl}/nothing`, ...credentials });
    expect(report).toMatchObject({ ok: false, problem: "http_error" });
    expect(report.ok === false && report.detail).toContain("HTTP 404");
  });

  it("says so when the provider publishes no key that signs ID tokens", async () => {
    const report = await testOidcConnection({ issuer: `${impostorUrl}/keyless`, ...credentials });
    expect(report).toMatchObject({ ok: false, problem: "no_signing_keys" });
  });

  it("says so when nothing answers at the issuer", async () => {
    const closed = http.createServer();
    const issuer = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    expect(await testOidcConnection({ issuer, ...credentials })).toMatchObject({ ok: false, problem: "unreachable" });
  });

  it("refuses an issuer that is not a URL", async () => {
    expect(await testOidcConnection({ issuer: "acme identity", ...credentials })).toMatchObject({
      ok: false,
      problem: "not_a_url",
    });
  });

  it("refuses private addresses and plain http outside a demo", async () => {
    vi.stubEnv("CONSOLE_ENV", "production");
    try {
      expect(await testOidcConnection({ issuer: "https://10.20.30.40", ...credentials })).toMatchObject({
        ok: false,
        problem: "private_address",
      });
      expect(await testOidcConnection({ issuer: peer.issuer, ...credentials })).toMatchObject({
        ok: false,
        problem: "not_https",
      });
    } finally {
      vi.stubEnv("CONSOLE_ENV", "demo");
    }
  });

  it("says the certificate is at fault when the provider's TLS certificate is self-signed", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "oidc-tls-"));
    const [key, cert] = [path.join(folder, "key.pem"), path.join(folder, "cert.pem")];
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"].concat([
        "-keyout",
        key,
        "-out",
        cert,
      ]),
      { stdio: "ignore" },
    );
    const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) =>
      res.end("{}"),
    );
    const port = new URL(await listen(server)).port;
    vi.stubEnv("OUTBOUND_ALLOWED_HOSTS", "localhost");
    try {
      const report = await testOidcConnection({ issuer: `https://localhost:${port}`, ...credentials });
      expect(report).toMatchObject({ ok: false, problem: "tls" });
    } finally {
      vi.stubEnv("OUTBOUND_ALLOWED_HOSTS", undefined);
      await new Promise((resolve) => server.close(resolve));
      rmSync(folder, { recursive: true });
    }
  });
});

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}
