import "server-only";
import { X509Certificate } from "node:crypto";
import { selectWithResolver } from "xpath";
import { parseProviderXml } from "./xml";

const NAMESPACES: Record<string, string> = {
  md: "urn:oasis:names:tc:SAML:2.0:metadata",
  ds: "http://www.w3.org/2000/09/xmldsig#",
};
const namespaceResolver = { lookupNamespaceURI: (prefix: string | null) => NAMESPACES[prefix ?? ""] ?? null };

const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

export interface IdentityProviderMetadata {
  entityId: string;
  ssoUrl: string;
  /** Base64 DER, the form node-saml's `idpCert` takes. */
  signingCertificates: string[];
}

export type MetadataProblem = "not_xml" | "no_sso_url" | "no_signing_certificate";

function elements(expression: string, node: Node): Element[] {
  const found = selectWithResolver(expression, node, namespaceResolver);
  return Array.isArray(found) ? (found as Element[]) : [];
}

/** Where people are sent: https, or plain http only to this machine (a demo's own provider). */
function isAcceptableSsoUrl(text: string): boolean {
  try {
    const url = new URL(text);
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

function isCertificate(base64: string): boolean {
  try {
    new X509Certificate(Buffer.from(base64, "base64"));
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads what the console needs from SAML identity provider metadata: the entity ID, the
 * single sign-on URL (HTTP-Redirect preferred, then HTTP-POST) and the signing certificates.
 */
export function readIdentityProviderMetadata(
  xml: string,
): { ok: true; metadata: IdentityProviderMetadata } | { ok: false; problem: MetadataProblem; detail: string } {
  const parsed = parseProviderXml(xml);
  if (!parsed.ok) return { ok: false, problem: "not_xml", detail: parsed.detail };
  const entity = elements("//md:EntityDescriptor[md:IDPSSODescriptor]", parsed.document)[0];
  if (!entity) {
    return {
      ok: false,
      problem: "no_sso_url",
      detail:
        "The metadata has no EntityDescriptor with an IDPSSODescriptor: it does not describe an identity provider.",
    };
  }
  const entityId = entity.getAttribute("entityID")?.trim();
  if (!entityId) return { ok: false, problem: "no_sso_url", detail: "The EntityDescriptor has no entityID." };

  const services = elements("md:IDPSSODescriptor/md:SingleSignOnService", entity);
  const service = [REDIRECT_BINDING, POST_BINDING]
    .map((binding) => services.find((one) => one.getAttribute("Binding") === binding))
    .find(Boolean);
  const ssoUrl = service?.getAttribute("Location")?.trim();
  if (!ssoUrl) {
    return {
      ok: false,
      problem: "no_sso_url",
      detail: "The IDPSSODescriptor has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.",
    };
  }
  if (!isAcceptableSsoUrl(ssoUrl)) {
    return {
      ok: false,
      problem: "no_sso_url",
      detail: `The SingleSignOnService location is not an https URL: ${ssoUrl}`,
    };
  }

  const certificates = elements(
    "md:IDPSSODescriptor/md:KeyDescriptor[not(@use) or @use='signing']/ds:KeyInfo/ds:X509Data/ds:X509Certificate",
    entity,
  ).map((node) => (node.textContent ?? "").replace(/\s+/g, ""));
  const signingCertificates = [...new Set(certificates.filter(isCertificate))];
  if (signingCertificates.length === 0) {
    return {
      ok: false,
      problem: "no_signing_certificate",
      detail: "The IDPSSODescriptor has no KeyDescriptor for signing with a readable X509Certificate.",
    };
  }
  return { ok: true, metadata: { entityId, ssoUrl, signingCertificates } };
}
