import "server-only";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { HostTlsError, HostUnreachable } from "./host-errors";

export interface TransportOptions {
  /** The host's base URL; the Admin API lives under it at /fmi/admin/api/v2/. */
  baseUrl: string;
  /** PEM certificates to trust for this host instead of the system's CAs (a self-hosted server's own CA). */
  ca?: string;
  timeoutMs?: number;
  /** Resolves the host name; the console passes one that refuses private addresses. */
  lookup?: LookupFunction;
}

export interface TransportRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  authorization?: string;
  body?: object;
}

export interface TransportAnswer {
  status: number;
  contentType: string;
  text: string;
}

export type Transport = (request: TransportRequest) => Promise<TransportAnswer>;

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const TLS_ERROR_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_SIGNATURE_FAILURE",
  "ERR_SSL_WRONG_VERSION_NUMBER",
]);

/** One HTTP exchange with a host: certificate always verified, whole exchange bounded by a timeout. */
export function createTransport({ baseUrl, ca, timeoutMs = DEFAULT_TIMEOUT_MS, lookup }: TransportOptions): Transport {
  const base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  const send = base.protocol === "https:" ? httpsRequest : httpRequest;

  return ({ method, path, authorization, body }) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = { accept: "application/json" };
      if (authorization) headers.authorization = authorization;
      if (payload !== undefined) {
        headers["content-type"] = "application/json";
        headers["content-length"] = String(Buffer.byteLength(payload));
      }
      const url = new URL(`fmi/admin/api/v2/${path}`, base);
      const outgoing = send(url, { method, headers, ca, lookup, rejectUnauthorized: true }, (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) outgoing.destroy(new Error("answer too large"));
          else chunks.push(chunk);
        });
        incoming.on("end", () => {
          clearTimeout(timer);
          resolve({
            status: incoming.statusCode ?? 0,
            contentType: incoming.headers["content-type"] ?? "",
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
        incoming.on("error", fail);
      });
      const timer = setTimeout(() => outgoing.destroy(new TimedOut()), timeoutMs);
      function fail(error: Error & { code?: string }) {
        clearTimeout(timer);
        if (error instanceof TimedOut) reject(new HostUnreachable(`no answer within ${timeoutMs} ms`));
        else if (error.code && TLS_ERROR_CODES.has(error.code)) reject(new HostTlsError(error.code));
        else if (error.code === "EPRIVATEADDRESS") reject(new HostUnreachable(error.message));
        else reject(new HostUnreachable(error.code ?? error.message));
      }
      outgoing.on("error", fail);
      outgoing.end(payload);
    });
}

class TimedOut extends Error {}
