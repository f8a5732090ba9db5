import "server-only";
import { type Profile, SamlStatusError } from "@node-saml/node-saml";
import type { Queryable } from "@/db/client";
import { type ProviderClaims, SsoFailure, type SsoFailureReason } from "../provider-answer";
import { claimsFromProfile } from "./saml-claims";
import { ACCEPTED_CLOCK_SKEW_MS, samlClient } from "./saml-client";
import { rememberSamlAssertion } from "./seen-assertions";
import { parseProviderXml } from "./xml";

const BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

/** node-saml refuses with plain errors; their messages say which check failed. */
const LIBRARY_REFUSALS: [RegExp, SsoFailureReason][] = [
  [/signature|signed data|ID cannot refer|Referenced node/i, "signature_invalid"],
  [/audience/i, "audience_mismatch"],
  [/expired|not yet valid/i, "expired"],
  [/issuer/i, "issuer_mismatch"],
];

function refusalFromLibrary(error: unknown): SsoFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SamlStatusError) return new SsoFailure("provider_error", message);
  const reason = LIBRARY_REFUSALS.find(([pattern]) => pattern.test(message))?.[1] ?? "provider_error";
  return new SsoFailure(reason, message);
}

/** xml2js as node-saml builds it: attributes under `$`, text under `_`, children in arrays. */
interface XmlJs {
  $?: Record<string, string | undefined>;
  _?: string;
  [child: string]: unknown;
}

function children(node: XmlJs | undefined, name: string): XmlJs[] {
  const found = node?.[name];
  return Array.isArray(found) ? (found as XmlJs[]) : [];
}

function instant(text: string | undefined): number | null {
  const ms = Date.parse(text ?? "");
  return Number.isNaN(ms) ? null : ms;
}

interface Expectations {
  acsUrl: string;
  expectedRequestId: string | null;
  now: Date;
}

/**
 * The Response element's own Destination and InResponseTo. They may lie outside the signature
 * (when only the assertion is signed); the signed SubjectConfirmationData is checked as well.
 */
function checkResponseEnvelope(response: Element, expected: Expectations): void {
  const destination = response.getAttribute("Destination");
  if (destination && destination !== expected.acsUrl) {
    throw new SsoFailure(
      "destination_mismatch",
      `Response Destination is ${destination}, expected ${expected.acsUrl}.`,
    );
  }
  const inResponseTo = response.getAttribute("InResponseTo") || null;
  if (inResponseTo !== null && inResponseTo !== expected.expectedRequestId) {
    throw new SsoFailure(
      "state_invalid",
      `Response InResponseTo is ${inResponseTo}, expected ${expected.expectedRequestId ?? "none"}.`,
    );
  }
}

function subjectConfirmationProblem(
  data: Record<string, string | undefined>,
  expected: Expectations,
): SsoFailure | null {
  if (data.Recipient !== expected.acsUrl) {
    return new SsoFailure(
      "destination_mismatch",
      `SubjectConfirmationData Recipient is ${data.Recipient ?? "missing"}, expected ${expected.acsUrl}.`,
    );
  }
  const now = expected.now.getTime();
  const notOnOrAfter = instant(data.NotOnOrAfter);
  if (notOnOrAfter === null || now - ACCEPTED_CLOCK_SKEW_MS >= notOnOrAfter) {
    return new SsoFailure("expired", `SubjectConfirmationData NotOnOrAfter is ${data.NotOnOrAfter ?? "missing"}.`);
  }
  const notBefore = instant(data.NotBefore);
  if (notBefore !== null && now + ACCEPTED_CLOCK_SKEW_MS < notBefore) {
    return new SsoFailure("expired", `SubjectConfirmationData NotBefore is ${data.NotBefore}.`);
  }
  if ((data.InResponseTo || null) !== expected.expectedRequestId) {
    return new SsoFailure(
      "state_invalid",
      `SubjectConfirmationData InResponseTo is ${data.InResponseTo ?? "missing"}, expected ${expected.expectedRequestId ?? "none"}.`,
    );
  }
  return null;
}

/**
 * The bearer confirmation of the signed assertion: for this ACS, still valid, answering our request.
 * Returns until when the assertion may be presented.
 */
function checkSubjectConfirmation(assertion: XmlJs, expected: Expectations): number {
  const confirmations = children(children(assertion, "Subject")[0], "SubjectConfirmation")
    .filter((confirmation) => confirmation.$?.Method === BEARER)
    .map((confirmation) => children(confirmation, "SubjectConfirmationData")[0]?.$ ?? {});
  if (confirmations.length === 0)
    throw new SsoFailure("provider_error", "The assertion has no bearer SubjectConfirmation.");
  const problems = confirmations.map((data) => subjectConfirmationProblem(data, expected));
  const accepted = confirmations.find((_, index) => problems[index] === null);
  if (!accepted) throw problems[0]!;
  return instant(accepted.NotOnOrAfter)!;
}

function signedAssertion(profile: Profile): XmlJs {
  const parsed = profile.getAssertion?.() as { Assertion?: XmlJs } | undefined;
  if (!parsed?.Assertion) throw new SsoFailure("provider_error", "The response has no assertion.");
  return parsed.Assertion;
}

/**
 * Checks a SAML response from the HTTP-POST binding and returns who the person is. node-saml
 * verifies the signature (of the response or the assertion; one is required), audience and
 * time conditions; this adds issuer, destination, InResponseTo, and the replay cache.
 * Every refusal is an SsoFailure.
 */
export async function finishSamlSignIn(
  db: Queryable,
  provider: { id: string; issuer: string; samlSigningCertificates: string[]; groupClaim: string },
  input: { samlResponse: string; acsUrl: string; spEntityId: string; expectedRequestId: string | null; now: Date },
): Promise<ProviderClaims> {
  if (provider.samlSigningCertificates.length === 0) {
    throw new SsoFailure("signature_invalid", "The provider has no signing certificate to verify the response with.");
  }
  const parsed = parseProviderXml(Buffer.from(input.samlResponse, "base64").toString("utf8"));
  if (!parsed.ok) throw new SsoFailure("provider_error", parsed.detail);

  let profile: Profile;
  try {
    const saml = samlClient({ ...provider, acsUrl: input.acsUrl, spEntityId: input.spEntityId, now: input.now });
    const validated = await saml.validatePostResponseAsync({ SAMLResponse: input.samlResponse });
    if (!validated.profile) throw new Error("The response carries no sign-in.");
    profile = validated.profile;
  } catch (error) {
    throw refusalFromLibrary(error);
  }

  checkResponseEnvelope(parsed.document.documentElement, input);
  if (profile.issuer !== provider.issuer) {
    throw new SsoFailure(
      "issuer_mismatch",
      `Assertion Issuer is ${profile.issuer ?? "missing"}, expected ${provider.issuer}.`,
    );
  }
  const assertion = signedAssertion(profile);
  const confirmedUntil = checkSubjectConfirmation(assertion, input);
  if (!profile.nameID) throw new SsoFailure("provider_error", "The assertion has no NameID.");
  const assertionId = assertion.$?.ID;
  if (!assertionId) throw new SsoFailure("provider_error", "The assertion has no ID.");

  const conditionsUntil = instant(children(assertion, "Conditions")[0]?.$?.NotOnOrAfter) ?? confirmedUntil;
  const fresh = await rememberSamlAssertion(db, {
    identityProviderId: provider.id,
    assertionId,
    expiresAt: new Date(Math.max(confirmedUntil, conditionsUntil) + ACCEPTED_CLOCK_SKEW_MS),
  });
  if (!fresh) throw new SsoFailure("replayed", `Assertion ${assertionId} was accepted before.`);

  return { subject: profile.nameID, ...claimsFromProfile(profile, provider.groupClaim) };
}
