import { createServer } from "node:https";
import { type AddressInfo, createServer as createTcpServer } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PEER_CERTIFICATE } from "@/server/testing/saml-responses";
import { type SamlPeer, samlPeerSigning, startSamlPeer } from "@/sso-peers/saml-idp";
import { testSamlConnection } from "./test-saml-connection";

let peer: SamlPeer;
beforeAll(async () => {
  peer = await startSamlPeer({ port: 0, people: [] });
});
afterAll(() => peer.close());
// Demo mode lets the console fetch from providers on this machine, as the journeys do.
beforeEach(() => {
  vi.stubEnv("CONSOLE_ENV", "demo");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const ssoUrl = () => peer.metadataUrl.replace(/\/metadata$/, "/sso");

describe("Test connection of a SAML provider", () => {
  it("reads the entity ID, sign-on URL and signing certificate from pasted metadata XML", async () => {
    expect(await testSamlConnection({ metadataXml: peer.metadataXml })).toEqual({
      ok: true,
      entityId: peer.entityId,
      ssoUrl: ssoUrl(),
      signingCertificates: [PEER_CERTIFICATE],
    });
  });

  it("fetches the metadata from its URL", async () => {
    expect(await testSamlConnection({ metadataUrl: peer.metadataUrl })).toEqual({
      ok: true,
      entityId: peer.entityId,
      ssoUrl: ssoUrl(),
      signingCertificates: [PEER_CERTIFICATE],
    });
  });

  it("prefers the HTTP-Redirect sign-on service and takes certificates without a use", async () => {
    const metadata = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example/e">
      <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
        <KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIBroken</ds:X509Certificate></ds:X509Data></ds:KeyInfo></KeyDescriptor>
        <KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>
          ${PEER_CERTIFICATE.match(/.{1,64}/g)!.join("\n          ")}
        </ds:X509Certificate></ds:X509Data></ds:KeyInfo></KeyDescriptor>
        <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example/post"/>
        <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/redirect"/>
      </IDPSSODescriptor>
    </EntityDescriptor>`;
    expect(await testSamlConnection({ metadataXml: metadata })).toEqual({
      ok: true,
      entityId: "https://idp.example/e",
      ssoUrl: "https://idp.example/redirect",
      signingCertificates: [PEER_CERTIFICATE],
    });
  });

  it("says when the metadata is not XML", async () => {
    expect(await testSamlConnection({ metadataXml: "<html><body>Sign in</body>" })).toMatchObject({
      ok: false,
      problem: "not_xml",
    });
    expect(await testSamlConnection({ metadataXml: '{"issuer": "https://idp.example"}' })).toMatchObject({
      ok: false,
      problem: "not_xml",
    });
  });

  it("refuses metadata with a DOCTYPE, so no entity can reach into the server", async () => {
    const hostile = `<?xml version="1.0"?><!DOCTYPE EntityDescriptor [<!ENTITY secret SYSTEM "file:///etc/passwd">]>${peer.metadataXml.replace(/^<\?xml[^>]*\?>/, "")}`;
    expect(await testSamlConnection({ metadataXml: hostile })).toMatchObject({
      ok: false,
      problem: "not_xml",
      detail: expect.stringContaining("DOCTYPE"),
    });
  });

  it("says when the metadata has no signing certificate", async () => {
    const withoutCertificate = peer.metadataXml.replace(/<md:KeyDescriptor[\s\S]*<\/md:KeyDescriptor>/, "");
    expect(await testSamlConnection({ metadataXml: withoutCertificate })).toMatchObject({
      ok: false,
      problem: "no_signing_certificate",
    });
  });

  it("says when the metadata has no sign-on URL, or describes no identity provider", async () => {
    const withoutService = peer.metadataXml.replace(/<md:SingleSignOnService[^>]*\/>/, "");
    expect(await testSamlConnection({ metadataXml: withoutService })).toMatchObject({
      ok: false,
      problem: "no_sso_url",
    });
    const serviceProvider = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sp.example"><SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></EntityDescriptor>`;
    expect(await testSamlConnection({ metadataXml: serviceProvider })).toMatchObject({
      ok: false,
      problem: "no_sso_url",
    });
  });

  it("checks the metadata URL before fetching it", async () => {
    expect(await testSamlConnection({ metadataUrl: "idp metadata" })).toMatchObject({ problem: "not_a_url" });
    expect(await testSamlConnection({ metadataUrl: "http://idp.example/metadata" })).toMatchObject({
      problem: "not_https",
    });
    expect(await testSamlConnection({ metadataUrl: "https://10.1.2.3/metadata" })).toMatchObject({
      problem: "private_address",
    });
  });

  it("tells an HTTP error, a closed port and a certificate it cannot trust apart", async () => {
    expect(await testSamlConnection({ metadataUrl: peer.metadataUrl.replace("/metadata", "/missing") })).toMatchObject({
      problem: "http_error",
      detail: expect.stringContaining("404"),
    });

    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await testSamlConnection({ metadataUrl: `http://127.0.0.1:${closedPort}/metadata` })).toMatchObject({
      problem: "unreachable",
    });

    const selfSigned = createServer({ key: samlPeerSigning.privateKey, cert: samlPeerSigning.certificate }, (_, res) =>
      res.end(peer.metadataXml),
    );
    await new Promise<void>((resolve) => selfSigned.listen(0, "127.0.0.1", resolve));
    try {
      const port = (selfSigned.address() as AddressInfo).port;
      expect(await testSamlConnection({ metadataUrl: `https://127.0.0.1:${port}/metadata` })).toMatchObject({
        problem: "tls",
      });
    } finally {
      await new Promise<void>((resolve) => selfSigned.close(() => resolve()));
    }
  });
});
