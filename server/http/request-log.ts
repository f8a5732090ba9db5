import type http from "node:http";
import type { Logger } from "../logger";
import { consoleMetrics } from "../metrics/console-metrics";
import { openRequestActor, takeRequestActor } from "./request-actors";
import { normalisePath, trpcProcedures } from "./route-label";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Routes the duration histogram names one by one; any further ones share one label. */
const MAX_ROUTE_LABELS = 500;
const QUIET_ROUTES = new Set(["/_next/static/*", "/healthz", "/readyz", "/metrics"]);

const routeLabels = new Set<string>();

/**
 * The route label of the duration histogram: tRPC calls as one (their procedures have their own
 * histogram), anything not found as one (scanners would otherwise invent labels without end),
 * and at most a fixed number of routes.
 */
function routeLabel(route: string, status: number, isTrpc: boolean): string {
  if (isTrpc) return "/api/trpc";
  if (status === 404) return "(unmatched)";
  if (routeLabels.has(route)) return route;
  if (routeLabels.size >= MAX_ROUTE_LABELS) return "(other)";
  routeLabels.add(route);
  return route;
}

/**
 * Follows one request to the end of its response, however it ends, and then writes its log line
 * (request id, actor, route, method, status, duration) and counts it in the duration histogram.
 * Static files and the health and metrics endpoints are logged at debug level.
 */
export function trackRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  requestId: string,
  log: Logger,
): void {
  const started = performance.now();
  openRequestActor(requestId);
  res.once("close", () => {
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const actor = takeRequestActor(requestId);
    const url = req.url ?? "/";
    const procedures = trpcProcedures(url);
    const route = procedures ? `/api/trpc/${procedures.join(",")}` : normalisePath(url);
    const method = METHODS.has(req.method ?? "") ? req.method! : "OTHER";
    // 499, as nginx logs it: the client closed the connection before an answer was sent.
    const status = res.headersSent ? res.statusCode : 499;
    consoleMetrics().httpRequestDuration.observe(
      { route: routeLabel(route, status, procedures !== null), method, status: String(status) },
      durationMs / 1000,
    );
    const line = {
      requestId,
      actor,
      route,
      method,
      status,
      durationMs,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (QUIET_ROUTES.has(route)) log.debug(line, "request");
    else log.info(line, "request");
  });
}
