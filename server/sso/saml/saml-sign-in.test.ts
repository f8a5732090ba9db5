import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { CONSOLE_SP, insertSamlProvider } from "@/server/testing/saml-responses";
import { type SamlPeer, startSamlPeer } from "@/sso-peers/saml-idp";
import { SsoFailure } from "../provider-answer";
import { beginSamlSignIn } from "./begin-saml-sign-in";
import { finishSamlSignIn } from "./finish-saml-sign-in";
import { serviceProviderMetadata } from "./service-provider-metadata";
import { testSamlConnection } from "./test-saml-connection";

const database = setUpTestDatabase();
const SAM = { email: "sam.saml@acme-saml.example", name: "Sam Saml", password: "DemoPass-2026", groups: ["Designers"] };

let peer: SamlPeer;
let provider: Awaited<ReturnType<typeof insertSamlProvider>> & { samlSsoUrl: string };
beforeAll(async () => {
  peer = await startSamlPeer({ port: 0, people: [SAM] });
  const report = await testSamlConnection({ metadataXml: peer.metadataXml });
  if (!report.ok) throw new Error(report.detail);
  const row = await insertSamlProvider(database.handle.db, report.entityId, report.signingCertificates);
  provider = { ...row, samlSsoUrl: report.ssoUrl };
});
afterAll(() => peer.close());

/** The named fields of the one form on a page, as a browser would submit them. */
function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? "";
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    fields[name!] = value!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  }
  return { action: action.replace(/&amp;/g, "&"), fields };
}

/** Goes to the provider as the browser would and signs in there; returns what it posts back to the console. */
async function signInAtPeer(redirectUrl: URL, credentials: { email: string; password: string }) {
  const loginPage = await fetch(redirectUrl);
  expect(loginPage.status).toBe(200);
  const html = await loginPage.text();
  expect(html).toContain("<h1>Demo SAML identity provider</h1>");
  expect(html).toContain('<label for="email">Email</label>');
  expect(html).toContain('<label for="password">Password</label>');
  expect(html).toContain('<button type="submit">Sign in</button>');
  const login = formOf(html);
  const answer = await fetch(new URL(login.action, redirectUrl), {
    method: "POST",
    body: new URLSearchParams({ ...login.fields, ...credentials }),
  });
  const posted = formOf(await answer.text());
  return { status: answer.status, ...posted };
}

async function signIn(credentials = { email: SAM.email, password: SAM.password }) {
  const { redirectUrl, requestId } = await beginSamlSignIn(provider, {
    ...CONSOLE_SP,
    relayState: "state-from-the-console",
  });
  const posted = await signInAtPeer(redirectUrl, credentials);
  expect(posted.action).toBe(CONSOLE_SP.acsUrl);
  expect(posted.fields.RelayState).toBe("state-from-the-console");
  const claims = await finishSamlSignIn(database.handle.db, provider, {
    samlResponse: posted.fields.SAMLResponse!,
    ...CONSOLE_SP,
    expectedRequestId: requestId,
    now: new Date(),
  });
  return { claims, samlResponse: posted.fields.SAMLResponse!, requestId };
}

describe("signing in through a SAML identity provider", () => {
  it("sends the person to the provider's login page and accepts its signed answer with the person's groups", async () => {
    const { claims } = await signIn();
    expect(claims).toEqual({ subject: SAM.email, email: SAM.email, name: SAM.name, groups: ["Designers"] });
  });

  it("sees the groups the provider gives at the next sign-in", async () => {
    peer.setGroups(SAM.email, ["Designers", "Managers"]);
    expect((await signIn()).claims.groups).toEqual(["Designers", "Managers"]);
    peer.setGroups(SAM.email, []);
    expect((await signIn()).claims.groups).toEqual([]);
  });

  it("asks the provider for the console's ACS URL, as the console's entity ID, with a fresh request id", async () => {
    const first = await beginSamlSignIn(provider, { ...CONSOLE_SP, relayState: "a" });
    const second = await beginSamlSignIn(provider, { ...CONSOLE_SP, relayState: "b" });
    expect(first.redirectUrl.origin + first.redirectUrl.pathname).toBe(provider.samlSsoUrl);
    expect(first.redirectUrl.searchParams.get("RelayState")).toBe("a");
    expect(first.requestId).toMatch(/^_[0-9a-f]{40}$/);
    expect(first.requestId).not.toBe(second.requestId);
  });

  it("accepts the provider's answer only once", async () => {
    const { samlResponse, requestId } = await signIn();
    const again = finishSamlSignIn(database.handle.db, provider, {
      samlResponse,
      ...CONSOLE_SP,
      expectedRequestId: requestId,
      now: new Date(),
    });
    await expect(again).rejects.toBeInstanceOf(SsoFailure);
    await expect(again).rejects.toMatchObject({ reason: "replayed" });
  });

  it("keeps a person with the wrong password at the provider's login page", async () => {
    const { redirectUrl } = await beginSamlSignIn(provider, { ...CONSOLE_SP, relayState: "state" });
    const answer = await signInAtPeer(redirectUrl, { email: SAM.email, password: "not-the-password" });
    expect(answer.status).toBe(401);
    expect(answer.fields.SAMLResponse).toBeUndefined();
  });
});

describe("the console's service provider metadata", () => {
  it("names the console's entity ID and its ACS URL for the HTTP-POST binding, and asks for signed assertions", () => {
    const xml = serviceProviderMetadata(CONSOLE_SP);
    expect(xml).toContain(`entityID="${CONSOLE_SP.spEntityId}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toMatch(
      new RegExp(`Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"\\s+Location="${CONSOLE_SP.acsUrl}"`),
    );
  });
});
