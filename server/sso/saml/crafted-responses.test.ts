import { generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { samlSeenAssertions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import {
  CONSOLE_SP,
  CRAFTED_IDP_ISSUER,
  craftedSamlResponse,
  insertSamlProvider,
  PEER_CERTIFICATE,
} from "@/server/testing/saml-responses";
import { SsoFailure } from "../provider-answer";
import { finishSamlSignIn } from "./finish-saml-sign-in";
import { forgetExpiredSamlAssertions } from "./seen-assertions";

const database = setUpTestDatabase();
const NOW = new Date("2026-09-01T12:00:00Z");
const REQUEST_ID = "_request-from-the-console";
const minutes = (count: number) => new Date(NOW.getTime() + count * 60 * 1000);

let provider: Awaited<ReturnType<typeof insertSamlProvider>>;
beforeAll(async () => {
  provider = await insertSamlProvider(database.handle.db, CRAFTED_IDP_ISSUER, [PEER_CERTIFICATE]);
});

function finish(samlResponse: string, at: { now?: Date; expectedRequestId?: string | null } = {}) {
  return finishSamlSignIn(database.handle.db, provider, {
    samlResponse,
    ...CONSOLE_SP,
    expectedRequestId: at.expectedRequestId === undefined ? REQUEST_ID : at.expectedRequestId,
    now: at.now ?? NOW,
  });
}

async function refusal(answer: Promise<unknown>): Promise<{ reason: string; detail: string }> {
  const error = await answer.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SsoFailure);
  const { reason, detail } = error as SsoFailure;
  return { reason, detail };
}

const issued = { now: NOW, requestId: REQUEST_ID };
const xmlOf = (samlResponse: string) => Buffer.from(samlResponse, "base64").toString("utf8");
const base64Of = (xml: string) => Buffer.from(xml, "utf8").toString("base64");

describe("a SAML response the console accepts", () => {
  it("gives the NameID as subject, the email, the display name and every group", async () => {
    expect(await finish(craftedSamlResponse(issued))).toEqual({
      subject: "casey@crafted.example",
      email: "casey@crafted.example",
      name: "Casey Crafted",
      groups: ["Sales", "Support"],
    });
  });

  it("may be signed on the assertion only, or on the response only", async () => {
    const assertionOnly = craftedSamlResponse(issued, {}, { signResponse: false });
    const responseOnly = craftedSamlResponse(issued, {}, { signAssertion: false });
    expect((await finish(assertionOnly)).subject).toBe("casey@crafted.example");
    expect((await finish(responseOnly)).subject).toBe("casey@crafted.example");
  });

  it("takes the email from an attribute when the NameID is not an email, and one group as a list", async () => {
    const claims = await finish(
      craftedSamlResponse(issued, {
        nameId: "00u1abcd",
        nameIdFormat: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
        attributes: { mail: "robin@crafted.example", givenName: "Robin", sn: "Hood", groups: "Archers" },
      }),
    );
    expect(claims).toEqual({
      subject: "00u1abcd",
      email: "robin@crafted.example",
      name: "Robin Hood",
      groups: ["Archers"],
    });
  });

  it("accepts an answer within the two minutes of clock skew on either side", async () => {
    const early = craftedSamlResponse({ now: minutes(1), requestId: REQUEST_ID });
    expect((await finish(early)).subject).toBe("casey@crafted.example");
    const late = craftedSamlResponse(issued, { notOnOrAfter: minutes(-1), confirmationNotOnOrAfter: minutes(-1) });
    expect((await finish(late)).subject).toBe("casey@crafted.example");
  });
});

describe("a crafted SAML response is refused", () => {
  it("when it is signed by another key than the provider's", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forged = craftedSamlResponse(
      issued,
      {},
      { privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() },
    );
    expect(await refusal(finish(forged))).toMatchObject({ reason: "signature_invalid" });
  });

  it("when neither the response nor the assertion is signed", async () => {
    const unsigned = craftedSamlResponse(issued, {}, { signAssertion: false, signResponse: false });
    expect(await refusal(finish(unsigned))).toMatchObject({ reason: "signature_invalid" });
  });

  it("when the signed assertion was changed afterwards", async () => {
    const signed = xmlOf(craftedSamlResponse(issued, {}, { signResponse: false }));
    const tampered = signed.replaceAll("casey@crafted.example", "owner@crafted.example");
    expect(tampered).not.toBe(signed);
    expect(await refusal(finish(base64Of(tampered)))).toMatchObject({
      reason: "signature_invalid",
    });
  });

  it("when a second, unsigned assertion is slipped in beside the signed one", async () => {
    const signed = xmlOf(craftedSamlResponse(issued, {}, { signResponse: false }));
    const evil = xmlOf(
      craftedSamlResponse(issued, { nameId: "owner@crafted.example" }, { signAssertion: false, signResponse: false }),
    );
    const evilAssertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(evil)![0];
    const wrapped = signed.replace("</samlp:Status>", `</samlp:Status>${evilAssertion}`);
    expect(await refusal(finish(base64Of(wrapped)))).toMatchObject({ reason: "signature_invalid" });
  });

  it("when its audience is another service provider", async () => {
    const response = craftedSamlResponse(issued, { audience: "https://other-sp.example/metadata" });
    expect(await refusal(finish(response))).toMatchObject({ reason: "audience_mismatch" });
  });

  it("when it is addressed to another ACS URL, on the response or in the signed assertion", async () => {
    const destination = craftedSamlResponse(issued, { destination: "https://other-sp.example/acs" });
    expect(await refusal(finish(destination))).toMatchObject({ reason: "destination_mismatch" });
    const recipient = craftedSamlResponse(
      issued,
      { recipient: "https://other-sp.example/acs" },
      { signResponse: false },
    );
    expect(await refusal(finish(recipient))).toMatchObject({ reason: "destination_mismatch" });
  });

  it("when its NotOnOrAfter has passed by more than the clock skew", async () => {
    const expired = craftedSamlResponse(issued, { notOnOrAfter: minutes(-3), confirmationNotOnOrAfter: minutes(-3) });
    expect(await refusal(finish(expired))).toMatchObject({ reason: "expired" });
  });

  it("when its subject confirmation has expired, though its conditions have not", async () => {
    const expired = craftedSamlResponse(issued, { confirmationNotOnOrAfter: minutes(-3) });
    expect(await refusal(finish(expired))).toMatchObject({ reason: "expired" });
  });

  it("when its NotBefore is still more than the clock skew away", async () => {
    const early = craftedSamlResponse(issued, { notBefore: minutes(3), notOnOrAfter: minutes(8) });
    expect(await refusal(finish(early))).toMatchObject({ reason: "expired" });
  });

  it("when the same assertion comes a second time", async () => {
    const response = craftedSamlResponse(issued);
    expect((await finish(response)).subject).toBe("casey@crafted.example");
    expect(await refusal(finish(response))).toMatchObject({ reason: "replayed" });
  });

  it("when it answers another request than the one this sign-in sent", async () => {
    const response = craftedSamlResponse({ now: NOW, requestId: "_another-request" });
    expect(await refusal(finish(response))).toMatchObject({ reason: "state_invalid" });
  });

  it("when only its unsigned envelope names this sign-in's request, and the signed assertion another", async () => {
    const signedForAnother = craftedSamlResponse(
      { now: NOW, requestId: "_another-request" },
      {},
      { signResponse: false },
    );
    const relabelled = xmlOf(signedForAnother).replace(
      /(<samlp:Response[^>]*InResponseTo=")_another-request"/,
      `$1${REQUEST_ID}"`,
    );
    expect(relabelled).toContain(`InResponseTo="${REQUEST_ID}"`);
    expect(await refusal(finish(base64Of(relabelled)))).toMatchObject({ reason: "state_invalid" });
  });

  it("when it answers a request although the console sent none", async () => {
    expect(await refusal(finish(craftedSamlResponse(issued), { expectedRequestId: null }))).toMatchObject({
      reason: "state_invalid",
    });
  });

  it("when its issuer is another identity provider", async () => {
    const response = craftedSamlResponse(issued, { issuer: "https://idp.elsewhere.example/saml" });
    expect(await refusal(finish(response))).toMatchObject({ reason: "issuer_mismatch" });
  });

  it("when the provider reports a failure instead of a sign-in", async () => {
    const failed = craftedSamlResponse(issued, { statusCode: "urn:oasis:names:tc:SAML:2.0:status:Requester" });
    expect(await refusal(finish(failed))).toMatchObject({ reason: "provider_error" });
  });

  it("when it declares a DOCTYPE", async () => {
    const withDoctype = `<!DOCTYPE Response [<!ENTITY x "y">]>${xmlOf(craftedSamlResponse(issued))}`;
    expect(await refusal(finish(base64Of(withDoctype)))).toMatchObject({
      reason: "provider_error",
      detail: expect.stringContaining("DOCTYPE"),
    });
  });
});

describe("the replay cache", () => {
  it("forgets assertion ids once they could no longer be accepted anyway", async () => {
    const { db } = database.handle;
    await db.delete(samlSeenAssertions);
    await finish(craftedSamlResponse(issued));
    expect(await forgetExpiredSamlAssertions(db, minutes(5))).toBe(0);
    expect(await forgetExpiredSamlAssertions(db, minutes(8))).toBe(1);
    expect(await db.select().from(samlSeenAssertions)).toEqual([]);
  });
});
