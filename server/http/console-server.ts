import http from "node:http";
import { type Logger, logger } from "../logger";
import { INTERNAL_HEADER_PREFIX, PEER_ADDRESS_HEADER, REQUEST_ID_HEADER, trustedProxies } from "./client-address";
import { isDraining } from "./draining";
import { settleRequestId } from "./request-id";
import { trackRequest } from "./request-log";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;
/** Answers the requests it knows (health, metrics) and says so; the others go on to the app. */
export type OwnEndpoints = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/**
 * Next's route handlers never see the socket, so the server writes the peer's address into a
 * header of its own, after dropping every header of that family the client sent: what the app
 * reads there comes from the connection, never from the request. The request id is settled
 * here too, once, and given to the app in that family and to the client in X-Request-Id.
 */
export function markRequest(req: http.IncomingMessage): string {
  for (const name of Object.keys(req.headers)) {
    if (name.startsWith(INTERNAL_HEADER_PREFIX)) delete req.headers[name];
  }
  const peer = req.socket.remoteAddress ?? "";
  const offered = req.headers["x-request-id"];
  const requestId = settleRequestId(peer, typeof offered === "string" ? offered : null, trustedProxies());
  delete req.headers["x-request-id"];
  req.headers[PEER_ADDRESS_HEADER] = peer;
  req.headers[REQUEST_ID_HEADER] = requestId;
  return requestId;
}

export interface ConsoleServer extends http.Server {
  /** Resolves once no request is in progress on this server. */
  idle(): Promise<void>;
  /** Requests in progress now. */
  inFlight(): number;
}

/**
 * The console's HTTP server: every request is marked, answered by the server's own endpoints
 * (health and metrics, before Next, so they answer while the app is busy) or by the app, and
 * logged once when its response ends. It counts the requests in progress, which a shutdown
 * waits for.
 */
export function createConsoleServer(
  handle: Handler,
  options: { ownEndpoints?: OwnEndpoints; log?: Logger } = {},
): ConsoleServer {
  const log = options.log ?? logger;
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const requestId = markRequest(req);
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of waiting.splice(0)) resolve();
    });
    res.setHeader("x-request-id", requestId);
    // While shutting down, a keep-alive connection ends with the answer it is waiting for.
    if (isDraining()) res.setHeader("connection", "close");
    trackRequest(req, res, requestId, log);
    if (options.ownEndpoints?.(req, res)) return;
    return handle(req, res);
  }) as ConsoleServer;
  server.inFlight = () => inFlight;
  server.idle = () => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve)));
  return server;
}
