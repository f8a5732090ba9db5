import type http from "node:http";
import type { Readiness } from "../health/readiness";
import { logger } from "../logger";
import { bearerMatches } from "../metrics/metrics-token";
import type { OwnEndpoints } from "./console-server";

export interface OwnEndpointSources {
  readiness(): Promise<Readiness>;
  /** The metrics in Prometheus' text format. */
  scrape(): Promise<{ contentType: string; body: string }>;
  /** METRICS_TOKEN; null turns /metrics off. */
  metricsToken: string | null;
}

const PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

function send(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

const json = (value: unknown) => JSON.stringify(value);

async function answerMetrics(req: http.IncomingMessage, res: http.ServerResponse, sources: OwnEndpointSources) {
  if (sources.metricsToken === null)
    return send(
      req,
      res,
      404,
      json({
        error:
          "Metrics are off. Set METRICS_TOKEN (at least 32 characters in production) and scrape /metrics with the header Authorization: Bearer <token>.",
      }),
    );
  if (!bearerMatches(req.headers.authorization, sources.metricsToken))
    return send(req, res, 401, json({ error: "Send the METRICS_TOKEN as Authorization: Bearer <token>." }), {
      "www-authenticate": 'Bearer realm="metrics"',
    });
  const { contentType, body } = await sources.scrape();
  send(req, res, 200, body, { "content-type": contentType });
}

/**
 * GET or HEAD /healthz (the process answers), /readyz (whether to send it requests: 200 or 503
 * with each check) and /metrics (Prometheus, with METRICS_TOKEN), answered by the console's
 * HTTP server itself: no session, no page rendering, nothing that waits for the app.
 */
export function ownEndpoints(sources: OwnEndpointSources): OwnEndpoints {
  return (req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0]!;
    if (!PATHS.has(path)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(req, res, 405, json({ error: `${path} answers GET and HEAD only.` }), { allow: "GET, HEAD" });
      return true;
    }
    const answered =
      path === "/healthz"
        ? Promise.resolve(send(req, res, 200, json({ status: "ok" })))
        : path === "/readyz"
          ? sources
              .readiness()
              .then((readiness) => send(req, res, readiness.status === "ready" ? 200 : 503, json(readiness)))
          : answerMetrics(req, res, sources);
    answered.catch((error) => {
      logger.error({ err: error, path }, "health or metrics endpoint failed");
      if (!res.headersSent) send(req, res, 500, json({ error: "The endpoint failed; see the server's log." }));
      else res.destroy();
    });
    return true;
  };
}
