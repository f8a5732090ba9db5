import "server-only";
import { DOMParser } from "@xmldom/xmldom";

/**
 * Parses XML from a provider or a browser. A document type declaration has no place in SAML
 * metadata or messages and is where entity tricks (XXE, billion laughs) live, so it is refused.
 */
export function parseProviderXml(text: string): { ok: true; document: Document } | { ok: false; detail: string } {
  if (/<!DOCTYPE/i.test(text)) return { ok: false, detail: "The XML declares a DOCTYPE, which SAML does not allow." };
  const problems: string[] = [];
  const collect = (message: unknown) => {
    problems.push(String(message));
  };
  const document = new DOMParser({ errorHandler: { error: collect, fatalError: collect } }).parseFromString(
    text,
    "text/xml",
  );
  if (problems.length > 0 || !document?.documentElement) {
    return { ok: false, detail: `Not well-formed XML: ${problems[0] ?? "no root element"}` };
  }
  return { ok: true, document };
}
