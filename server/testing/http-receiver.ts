import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the receiver got it: its headers and exact body. */
export interface ReceivedRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HttpReceiver {
  port: number;
  /** What it got, in order; the same array for the receiver's whole life. */
  received: ReceivedRequest[];
  /** The statuses it answers with next, in order; 200 once they are used up. */
  answers: number[];
  /** Forgets what it got and what it was to answer. */
  reset: () => void;
  close: () => Promise<void>;
}

/** A webhook receiver on 127.0.0.1 for tests: keeps every request and answers as told. */
export async function startHttpReceiver(): Promise<HttpReceiver> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      receiver.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.statusCode = receiver.answers.shift() ?? 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const receiver: HttpReceiver = {
    port: (server.address() as AddressInfo).port,
    received: [],
    answers: [],
    reset: () => {
      receiver.received.length = 0;
      receiver.answers = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return receiver;
}

/**
 * Standard Webhooks verification written from the spec, apart from the console's signer: an
 * HMAC-SHA256 of "id.timestamp.body" with the secret's bytes, base64, behind "v1,"; the header
 * may carry several, space separated.
 */
export function signedWith(secret: string, request: ReceivedRequest): boolean {
  const key = Buffer.from(secret.split("_")[1]!, "base64");
  const content = `${request.headers["webhook-id"]}.${request.headers["webhook-timestamp"]}.${request.body}`;
  const expected = `v1,${createHmac("sha256", key).update(content).digest("base64")}`;
  return String(request.headers["webhook-signature"]).split(" ").includes(expected);
}
