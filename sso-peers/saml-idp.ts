/**
 * A SAML 2.0 identity provider for journeys and tests: serves its metadata, takes HTTP-Redirect
 * AuthnRequests at a login page of its own and answers the service provider with a signed
 * response through an auto-posting form. Its key and certificate are test-only fixtures.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inflateRawSync } from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import { SignedXml } from "xml-crypto";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** The peer's own signing key pair: committed for tests and demos, worthless anywhere else. */
export const samlPeerSigning = {
  privateKey: fixture("saml-peer-test-only.key"),
  certificate: fixture("saml-peer-test-only.crt"),
};

export const NAME_ID_EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
export const STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
const PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
const ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

/** Everything a response says; a test changes one field to see the console refuse it. */
export interface SamlResponseFields {
  issuer: string;
  /** Response@Destination; null leaves it out. */
  destination: string | null;
  /** SubjectConfirmationData@Recipient. */
  recipient: string;
  /** Response@InResponseTo and SubjectConfirmationData@InResponseTo; null leaves both out. */
  inResponseTo: string | null;
  audience: string;
  nameId: string;
  nameIdFormat: string;
  attributes: Record<string, string | string[]>;
  issueInstant: Date;
  /** Conditions@NotBefore. */
  notBefore: Date;
  /** Conditions@NotOnOrAfter. */
  notOnOrAfter: Date;
  /** SubjectConfirmationData@NotOnOrAfter: until when the bearer may present the assertion. */
  confirmationNotOnOrAfter: Date;
  responseId: string;
  assertionId: string;
  /** Anything but Success answers with that status and no assertion. */
  statusCode: string;
}

export interface SamlResponseSigning {
  privateKey: string;
  /** Put in the signature's KeyInfo, as identity providers do; null leaves KeyInfo out. */
  certificate: string | null;
  signAssertion: boolean;
  signResponse: boolean;
}

export function samlId(): string {
  return `_${randomBytes(20).toString("hex")}`;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const escapeHtml = escapeXml;

function attributeXml(name: string, value: string | string[]): string {
  const values = (Array.isArray(value) ? value : [value])
    .map((one) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(one)}</saml:AttributeValue>`)
    .join("");
  return `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values}</saml:Attribute>`;
}

function assertionXml(fields: SamlResponseFields): string {
  const inResponseTo = fields.inResponseTo === null ? "" : ` InResponseTo="${escapeXml(fields.inResponseTo)}"`;
  const attributes = Object.entries(fields.attributes)
    .map(([name, value]) => attributeXml(name, value))
    .join("");
  return (
    `<saml:Assertion xmlns:saml="${ASSERTION_NS}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${fields.assertionId}" Version="2.0" IssueInstant="${fields.issueInstant.toISOString()}">` +
    `<saml:Issuer>${escapeXml(fields.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${escapeXml(fields.nameIdFormat)}">${escapeXml(fields.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${inResponseTo} NotOnOrAfter="${fields.confirmationNotOnOrAfter.toISOString()}" Recipient="${escapeXml(fields.recipient)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${fields.notBefore.toISOString()}" NotOnOrAfter="${fields.notOnOrAfter.toISOString()}"><saml:AudienceRestriction><saml:Audience>${escapeXml(fields.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${fields.issueInstant.toISOString()}" SessionIndex="${fields.assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : "") +
    "</saml:Assertion>"
  );
}

/** Signs the element at `xpath` with an enveloped signature placed right after its Issuer, as SAML wants. */
function signElement(xml: string, xpath: string, signing: SamlResponseSigning): string {
  const signature = new SignedXml({
    privateKey: signing.privateKey,
    publicCert: signing.certificate ?? undefined,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  });
  signature.addReference({
    xpath,
    transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"],
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
  });
  signature.computeSignature(xml, {
    location: { reference: `${xpath}/*[local-name(.)='Issuer']`, action: "after" },
  });
  return signature.getSignedXml();
}

/** A SAML Response as the HTTP-POST binding carries it: base64 of the (signed) XML. */
export function samlResponse(fields: SamlResponseFields, signing: SamlResponseSigning): string {
  const success = fields.statusCode === STATUS_SUCCESS;
  let assertion = success ? assertionXml(fields) : "";
  if (success && signing.signAssertion) {
    assertion = signElement(assertion, "/*[local-name(.)='Assertion']", signing);
  }
  const destination = fields.destination === null ? "" : ` Destination="${escapeXml(fields.destination)}"`;
  const inResponseTo = fields.inResponseTo === null ? "" : ` InResponseTo="${escapeXml(fields.inResponseTo)}"`;
  let response =
    `<samlp:Response xmlns:samlp="${PROTOCOL_NS}" xmlns:saml="${ASSERTION_NS}" ID="${fields.responseId}" Version="2.0" IssueInstant="${fields.issueInstant.toISOString()}"${destination}${inResponseTo}>` +
    `<saml:Issuer>${escapeXml(fields.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${escapeXml(fields.statusCode)}"/></samlp:Status>` +
    assertion +
    "</samlp:Response>";
  if (signing.signResponse) response = signElement(response, "/*[local-name(.)='Response']", signing);
  return Buffer.from(response, "utf8").toString("base64");
}

function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
}

function metadataXml(entityId: string, ssoUrl: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${escapeXml(entityId)}">` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${PROTOCOL_NS}">` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBody(samlPeerSigning.certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:NameIDFormat>${NAME_ID_EMAIL}</md:NameIDFormat>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escapeXml(ssoUrl)}"/>` +
    "</md:IDPSSODescriptor></md:EntityDescriptor>"
  );
}

interface AuthnRequest {
  id: string;
  issuer: string;
  acsUrl: string;
}

/** Reads the HTTP-Redirect binding's deflated AuthnRequest; null when it is not one this peer can answer. */
function readAuthnRequest(encoded: string): AuthnRequest | null {
  let xml: string;
  try {
    xml = inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8");
  } catch {
    return null;
  }
  if (/<!DOCTYPE/i.test(xml)) return null;
  let malformed = false;
  const refuse = () => {
    malformed = true;
  };
  const document = new DOMParser({ errorHandler: { error: refuse, fatalError: refuse } }).parseFromString(
    xml,
    "text/xml",
  );
  const request = document.documentElement;
  if (malformed) return null;
  if (request?.localName !== "AuthnRequest" || request.namespaceURI !== PROTOCOL_NS) return null;
  const issuer = request.getElementsByTagNameNS(ASSERTION_NS, "Issuer")[0]?.textContent?.trim();
  const id = request.getAttribute("ID");
  const acsUrl = request.getAttribute("AssertionConsumerServiceURL");
  return issuer && id && acsUrl ? { id, issuer, acsUrl } : null;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;
}

function loginPage(samlRequest: string, relayState: string, error: string | null): string {
  const alert = error ? `<p role="alert">${escapeHtml(error)}</p>` : "";
  return page(
    "Demo SAML identity provider",
    `<h1>Demo SAML identity provider</h1>${alert}` +
      `<form method="post" action="/sso/login">` +
      `<input type="hidden" name="SAMLRequest" value="${escapeHtml(samlRequest)}">` +
      `<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">` +
      `<p><label for="email">Email</label> <input id="email" name="email" type="email" autocomplete="username" required></p>` +
      `<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>` +
      `<button type="submit">Sign in</button></form>`,
  );
}

/** The HTTP-POST binding: the browser carries the response to the service provider, by script or by hand. */
function autoPostPage(acsUrl: string, response: string, relayState: string): string {
  return page(
    "Demo SAML identity provider",
    `<form method="post" action="${escapeHtml(acsUrl)}">` +
      `<input type="hidden" name="SAMLResponse" value="${escapeHtml(response)}">` +
      `<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">` +
      `<button type="submit">Continue</button></form>` +
      "<script>document.forms[0].submit();</script>",
  );
}

const BODY_LIMIT = 64 * 1024;

async function readForm(request: IncomingMessage): Promise<URLSearchParams | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
  response.end(body);
}

export interface SamlPeerPerson {
  email: string;
  name: string;
  password: string;
  groups: string[];
}

export interface SamlPeer {
  entityId: string;
  metadataUrl: string;
  metadataXml: string;
  /** Changes a person's groups for their next sign-in. */
  setGroups(email: string, groups: string[]): void;
  close(): Promise<void>;
}

/** How long the peer's answers are good for. */
const RESPONSE_LIFETIME_MS = 5 * 60 * 1000;

export async function startSamlPeer(options: { port: number; people: SamlPeerPerson[] }): Promise<SamlPeer> {
  const people = new Map(options.people.map((person) => [person.email.toLowerCase(), { ...person }]));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const metadataUrl = `${origin}/metadata`;
  const entityId = metadataUrl;
  const metadata = metadataXml(entityId, `${origin}/sso`);

  function answer(request: AuthnRequest, person: SamlPeerPerson): string {
    const now = new Date();
    return samlResponse(
      {
        issuer: entityId,
        destination: request.acsUrl,
        recipient: request.acsUrl,
        inResponseTo: request.id,
        audience: request.issuer,
        nameId: person.email,
        nameIdFormat: NAME_ID_EMAIL,
        attributes: { email: person.email, displayName: person.name, groups: person.groups },
        issueInstant: now,
        notBefore: now,
        notOnOrAfter: new Date(now.getTime() + RESPONSE_LIFETIME_MS),
        confirmationNotOnOrAfter: new Date(now.getTime() + RESPONSE_LIFETIME_MS),
        responseId: samlId(),
        assertionId: samlId(),
        statusCode: STATUS_SUCCESS,
      },
      { ...samlPeerSigning, signAssertion: true, signResponse: true },
    );
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", origin);
    if (request.method === "GET" && url.pathname === "/metadata") {
      return send(response, 200, "application/samlmetadata+xml", metadata);
    }
    if (request.method === "GET" && url.pathname === "/sso") {
      const samlRequest = url.searchParams.get("SAMLRequest") ?? "";
      if (!readAuthnRequest(samlRequest)) return send(response, 400, "text/plain", "Not a SAML AuthnRequest");
      return send(response, 200, "text/html", loginPage(samlRequest, url.searchParams.get("RelayState") ?? "", null));
    }
    if (request.method === "POST" && url.pathname === "/sso/login") {
      const form = await readForm(request);
      const samlRequest = form?.get("SAMLRequest") ?? "";
      const authnRequest = readAuthnRequest(samlRequest);
      if (!form || !authnRequest) return send(response, 400, "text/plain", "Not a SAML AuthnRequest");
      const relayState = form.get("RelayState") ?? "";
      const person = people.get((form.get("email") ?? "").trim().toLowerCase());
      if (!person || person.password !== form.get("password")) {
        return send(response, 401, "text/html", loginPage(samlRequest, relayState, "Wrong email or password."));
      }
      return send(
        response,
        200,
        "text/html",
        autoPostPage(authnRequest.acsUrl, answer(authnRequest, person), relayState),
      );
    }
    send(response, 404, "text/plain", "Not found");
  }
  server.on("request", (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, "text/plain", String(error));
      else response.destroy();
    });
  });

  return {
    entityId,
    metadataUrl,
    metadataXml: metadata,
    setGroups(email, groups) {
      const person = people.get(email.toLowerCase());
      if (!person) throw new Error(`The SAML peer knows no ${email}`);
      person.groups = [...groups];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
