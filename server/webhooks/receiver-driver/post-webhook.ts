import "server-only";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { performance } from "node:perf_hooks";

/** How long a receiver has to answer, connection included. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Only the status counts: the body is read up to this much, then the connection is dropped. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs?: number;
  /** Resolves the host name; the sender passes one that refuses private addresses. */
  lookup?: LookupFunction;
}

/** Why no answer came: stored with the delivery and named in the log in the reader's language. */
export type WebhookFailure = "timeout" | "private_address" | "tls" | "connection_refused" | "unresolvable" | "network";

export type WebhookAnswer =
  | { kind: "answered"; status: number; ms: number }
  | { kind: "failed"; failure: WebhookFailure; ms: number };

export type WebhookPoster = (request: WebhookRequest) => Promise<WebhookAnswer>;

const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_SIGNATURE_FAILURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/**
 * One POST to a webhook receiver: TLS verified, the whole exchange within the timeout, a
 * redirect answered as the status it is (never followed: it could lead past the address
 * check), the answer's body read no further than a cap. It never throws.
 */
export const postWebhook: WebhookPoster = ({ url, headers, body, timeoutMs = WEBHOOK_TIMEOUT_MS, lookup }) =>
  new Promise((resolve) => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    let settled = false;
    const settle = (answer: WebhookAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const outgoing = send(
      target,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "CustomerConsole-Webhooks/1",
        },
        lookup,
        rejectUnauthorized: true,
      },
      (incoming) => {
        const status = incoming.statusCode ?? 0;
        let size = 0;
        incoming.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            settle({ kind: "answered", status, ms: elapsed() });
            outgoing.destroy();
          }
        });
        incoming.on("end", () => settle({ kind: "answered", status, ms: elapsed() }));
        incoming.on("error", () => settle({ kind: "answered", status, ms: elapsed() }));
      },
    );
    const timer = setTimeout(() => {
      settle({ kind: "failed", failure: "timeout", ms: elapsed() });
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on("error", (error: Error & { code?: string }) =>
      settle({ kind: "failed", failure: failureOf(error.code), ms: elapsed() }),
    );
    outgoing.end(body);
  });

function failureOf(code: string | undefined): WebhookFailure {
  if (code === "EPRIVATEADDRESS") return "private_address";
  if (code === "ECONNREFUSED") return "connection_refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "unresolvable";
  if (code && (TLS_CODES.has(code) || code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_"))) return "tls";
  return "network";
}
