import "server-only";
import { guardedFetch } from "../../outbound/guarded-fetch";
import { checkOutboundUrl } from "../../outbound/outbound-url";
import { readIdentityProviderMetadata } from "./identity-provider-metadata";

export type SamlConnectionProblem =
  | "not_a_url"
  | "not_https"
  | "private_address"
  | "unreachable"
  | "tls"
  | "not_xml"
  | "no_sso_url"
  | "no_signing_certificate"
  | "http_error";

export type SamlConnectionReport =
  | { ok: true; entityId: string; ssoUrl: string; signingCertificates: string[] }
  | { ok: false; problem: SamlConnectionProblem; detail: string };

type Failure = Extract<SamlConnectionReport, { ok: false }>;

const METADATA_SIZE_LIMIT = 1024 * 1024;
const METADATA_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;

function fetchFailure(error: unknown): Failure {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return { ok: false, problem: "unreachable", detail: `No answer within ${METADATA_TIMEOUT_MS / 1000} seconds.` };
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : "";
  const message = typeof cause?.message === "string" ? cause.message : String(error);
  if (code === "EPRIVATEADDRESS") return { ok: false, problem: "private_address", detail: message };
  if (/CERT|TLS|SSL|EPROTO/.test(code)) {
    return { ok: false, problem: "tls", detail: `The TLS connection failed: ${code} ${message}`.trim() };
  }
  return { ok: false, problem: "unreachable", detail: `The connection failed: ${code} ${message}`.trim() };
}

async function readLimited(response: Response): Promise<{ ok: true; text: string } | Failure> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  const tooLarge: Failure = {
    ok: false,
    problem: "http_error",
    detail: `The metadata is larger than ${METADATA_SIZE_LIMIT / 1024 / 1024} MB.`,
  };
  if (declared > METADATA_SIZE_LIMIT) {
    await response.body?.cancel();
    return tooLarge;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      size += read.value.byteLength;
      if (size > METADATA_SIZE_LIMIT) {
        await reader?.cancel();
        return tooLarge;
      }
      chunks.push(read.value);
    }
  } catch (error) {
    return fetchFailure(error);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}

/** Fetches metadata; every hop, redirects included, must pass the outbound URL check. */
async function fetchMetadata(address: string): Promise<{ ok: true; text: string } | Failure> {
  const deadline = AbortSignal.timeout(METADATA_TIMEOUT_MS);
  let next = address;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const checked = await checkOutboundUrl(next);
    if (!checked.ok) {
      const problem = checked.problem === "unresolvable" ? "unreachable" : checked.problem;
      return { ok: false, problem, detail: `The metadata URL ${next} was refused: ${checked.problem}.` };
    }
    let response: Response;
    try {
      response = await guardedFetch(checked.url, {
        redirect: "manual",
        signal: deadline,
        headers: { accept: "application/samlmetadata+xml, application/xml, text/xml" },
      });
    } catch (error) {
      return fetchFailure(error);
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      next = new URL(location, checked.url).href;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, problem: "http_error", detail: `The metadata URL answered HTTP ${response.status}.` };
    }
    return readLimited(response);
  }
  return { ok: false, problem: "http_error", detail: `More than ${MAX_REDIRECTS} redirects.` };
}

/**
 * Test connection for a SAML provider: reads its metadata (from the URL when one is given,
 * else the pasted XML) and reports what the console will use, or exactly what is wrong.
 */
export async function testSamlConnection(input: {
  metadataUrl?: string;
  metadataXml?: string;
}): Promise<SamlConnectionReport> {
  let xml: string;
  if (input.metadataUrl?.trim()) {
    const fetched = await fetchMetadata(input.metadataUrl.trim());
    if (!fetched.ok) return fetched;
    xml = fetched.text;
  } else if (input.metadataXml?.trim()) {
    if (Buffer.byteLength(input.metadataXml) > METADATA_SIZE_LIMIT) {
      return { ok: false, problem: "not_xml", detail: "The metadata XML is larger than 1 MB." };
    }
    xml = input.metadataXml;
  } else {
    return { ok: false, problem: "not_xml", detail: "Neither a metadata URL nor metadata XML was given." };
  }
  const read = readIdentityProviderMetadata(xml);
  return read.ok ? { ok: true, ...read.metadata } : read;
}
