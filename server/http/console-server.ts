import http from "node:http";
import { INTERNAL_HEADER_PREFIX, PEER_ADDRESS_HEADER } from "./client-address";
import { isDraining } from "./draining";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/**
 * Next's route handlers never see the socket, so the server writes the peer's address into a
 * header of its own, after dropping every header of that family the client sent: what the app
 * reads there comes from the connection, never from the request.
 */
export function markPeerAddress(req: http.IncomingMessage): void {
  for (const name of Object.keys(req.headers)) {
    if (name.startsWith(INTERNAL_HEADER_PREFIX)) delete req.headers[name];
  }
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}

export interface ConsoleServer extends http.Server {
  /** Resolves once no request is in progress on this server. */
  idle(): Promise<void>;
  /** Requests in progress now. */
  inFlight(): number;
}

export function createConsoleServer(handle: Handler): ConsoleServer {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    markPeerAddress(req);
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of waiting.splice(0)) resolve();
    });
    // While shutting down, a keep-alive connection ends with the answer it is waiting for.
    if (isDraining()) res.setHeader("connection", "close");
    return handle(req, res);
  }) as ConsoleServer;
  server.inFlight = () => inFlight;
  server.idle = () => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve)));
  return server;
}
