import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Clock } from "../clock";
import type { Context } from "../context";
import { DomainError } from "../errors";
import { appRouter } from "../routers/root";
import { BodyTooLarge, readBodyWithin } from "./body-limit";

export const API_ENDPOINT = "/api/trpc";
/** Calls one HTTP request may carry: a batch multiplies the work one request asks for. */
export const MAX_BATCH_SIZE = 10;
/** The largest body of an API call (CSV files go to a route of their own). */
export const MAX_API_BODY_BYTES = 1_000_000;
/** Procedures that hash a password or send mail without a session: one call per request. */
const ONE_CALL_AREAS = ["auth."];

function refusal(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status });
}

/** Why a batch may not run, or null: too many calls, or a call that must come alone. */
export function batchRefusal(url: URL): string | null {
  if (url.searchParams.get("batch") !== "1") return null;
  const paths = decodeURIComponent(url.pathname.slice(API_ENDPOINT.length + 1)).split(",");
  if (paths.length > MAX_BATCH_SIZE) return `A batch holds at most ${MAX_BATCH_SIZE} calls; split it.`;
  if (paths.some((path) => ONE_CALL_AREAS.some((area) => path.startsWith(area)))) {
    return "Sign-in and account recovery calls cannot be batched; send each in a request of its own.";
  }
  return null;
}

/** Seconds until the retry time a refusal names, for the Retry-After header. */
function retryAfterSeconds(errors: readonly { cause?: unknown }[], now: Date): number | null {
  for (const error of errors) {
    const retryAt = error.cause instanceof DomainError ? error.cause.details.retryAt : undefined;
    if (retryAt) return Math.max(1, Math.ceil((new Date(retryAt).getTime() - now.getTime()) / 1000));
  }
  return null;
}

/**
 * Answers an API request: batches and bodies are limited before anything is parsed, and a
 * rate-limited call says in Retry-After when to come back.
 */
export async function handleApiRequest(
  request: Request,
  options: { clock: Clock; createContext: () => Promise<Context> },
): Promise<Response> {
  const batch = batchRefusal(new URL(request.url));
  if (batch) return refusal(400, batch);
  let req = request;
  if (request.method !== "GET" && request.method !== "HEAD") {
    try {
      const body = await readBodyWithin(request, MAX_API_BODY_BYTES);
      req = new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body,
        signal: request.signal,
      });
    } catch (error) {
      if (error instanceof BodyTooLarge) return refusal(413, `${error.message} Send less in one call.`);
      throw error;
    }
  }
  return fetchRequestHandler({
    endpoint: API_ENDPOINT,
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: options.createContext,
    responseMeta: ({ ctx, errors }) => {
      const headers = new Headers(ctx ? { "x-request-id": ctx.request.requestId } : {});
      const retryAfter = retryAfterSeconds(errors, options.clock.now());
      if (retryAfter !== null) headers.set("retry-after", String(retryAfter));
      return { headers };
    },
  });
}
