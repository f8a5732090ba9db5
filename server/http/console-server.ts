import http from "node:http";
import { INTERNAL_HEADER_PREFIX, PEER_ADDRESS_HEADER } from "./client-address";

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

export function createConsoleServer(handle: Handler): http.Server {
  return http.createServer((req, res) => {
    markPeerAddress(req);
    return handle(req, res);
  });
}
