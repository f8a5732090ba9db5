import type { Database } from "@/db/client";
import type { RequestMeta } from "../actor";
import type { ApiKeyActor } from "../api-keys/authenticate-api-key";
import { authenticateApiKey } from "../api-keys/authenticate-api-key";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../clock";
import type { Context } from "../context";
import { requestMetaFrom } from "../context";
import { bearerSecretOf } from "../crypto/bearer-secret";
import { BodyTooLarge, readBodyWithin } from "../http/body-limit";
import { loggedActor, noteRequestActor } from "../http/request-actors";
import { logger } from "../logger";
import { createCaller } from "../routers/root";
import { spendApiCall } from "./api-rate-limit";
import {
  claimIdempotencyKey,
  isIdempotencyKey,
  releaseIdempotencyKey,
  requestFingerprint,
  storeIdempotentResponse,
} from "./idempotency";
import { matchOperation } from "./match-operation";
import { REST_OPERATIONS } from "./operations";
import { type Problem, problem, problemOf, problemResponse } from "./problem";
import { procedureShape } from "./procedure-input";
import { RestInputError, restInput } from "./rest-input";
import { REST_BASE_PATH, type RestOperation } from "./rest-operation";

/** The largest body of a call: 500 invitations fit many times over. */
export const MAX_REST_BODY_BYTES = 1_000_000;

interface RestDependencies {
  db: Database;
  clock: Clock;
}

type Headers = Record<string, string>;

class Refused extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Headers = {},
  ) {
    super(problem.detail);
  }
}

async function callerActor(request: Request, deps: RestDependencies, meta: RequestMeta): Promise<ApiKeyActor> {
  const secret = bearerSecretOf(request.headers.get("authorization"));
  const challenge = { "www-authenticate": 'Bearer realm="api"' };
  if (!secret) {
    throw new Refused(
      problem(
        401,
        "UNAUTHENTICATED",
        "Send an API key as `Authorization: Bearer <key>`; create one in Settings → API keys.",
        meta.requestId,
      ),
      challenge,
    );
  }
  try {
    const actor = await authenticateApiKey(deps.db, deps.clock, secret, meta.ip);
    noteRequestActor(meta.requestId, actor);
    return actor;
  } catch (error) {
    throw new Refused(problemOf(error, meta.requestId, meta.locale), challenge);
  }
}

async function bodyOf(request: Request, meta: RequestMeta): Promise<string> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await readBodyWithin(request, MAX_REST_BODY_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      throw new Refused(problem(413, "INVALID_INPUT", `${error.message} Send less in one call.`, meta.requestId));
    }
    if (error instanceof TypeError)
      throw new Refused(problem(400, "INVALID_INPUT", "The body is not UTF-8 text.", meta.requestId));
    throw error;
  }
}

function parsedBody(operation: RestOperation, request: Request, text: string, meta: RequestMeta): unknown {
  if (operation.method === "GET" || operation.method === "DELETE" || text.trim() === "") {
    if (text.trim() !== "") {
      throw new Refused(
        problem(
          400,
          "INVALID_INPUT",
          `${operation.method} takes no body; send parameters in the query.`,
          meta.requestId,
        ),
      );
    }
    return undefined;
  }
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new Refused(
      problem(415, "INVALID_INPUT", "Send the body as JSON with `Content-Type: application/json`.", meta.requestId),
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Refused(
      problem(400, "INVALID_INPUT", `The body is not valid JSON: ${(error as Error).message}`, meta.requestId),
    );
  }
}

function jsonResponse(status: number, body: unknown, headers: Headers): Response {
  if (status === 204) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers: { ...headers, "content-type": "application/json" } });
}

/** Streams a download; its first chunk is read before answering, so a refusal is still a problem response. */
async function downloadResponse(
  operation: RestOperation,
  output: unknown,
  input: Record<string, unknown>,
  headers: Headers,
) {
  const download = operation.download!;
  const iterator = (output as AsyncIterable<string>)[Symbol.asyncIterator]();
  const first = await iterator.next();
  const format = typeof input.format === "string" ? input.format : Object.keys(download.contentTypes)[0]!;
  const encoder = new TextEncoder();
  let pending: IteratorResult<string> | null = first;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = pending ?? (await iterator.next());
      pending = null;
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  const extension = download.filename.includes(".") ? "" : `.${format}`;
  return new Response(stream, {
    status: 200,
    headers: {
      ...headers,
      "content-type": download.contentTypes[format] ?? "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${download.filename}${extension}"`,
    },
  });
}

/** Runs the operation's procedure as the key and shapes its answer. */
async function run(
  operation: RestOperation,
  input: Record<string, unknown>,
  context: Context,
  headers: Headers,
): Promise<Response> {
  const caller = createCaller(context);
  const procedure = operation.procedure
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  const actor = context.actor as ApiKeyActor;
  const output = await procedure({ ...input, teamId: actor.teamId });
  if (operation.download) return downloadResponse(operation, output, input, headers);
  if (operation.method === "GET") {
    // What automation reads of a team is in its audit log, as a support view is; exports audit themselves.
    await context.db.transaction((tx) =>
      recordAudit(tx, {
        teamId: actor.teamId,
        actor,
        occurredAt: context.clock.now(),
        request: context.request,
        action: "api_key.read",
        target: { type: "procedure", id: operation.procedure },
        after: { call: `${operation.method} ${REST_BASE_PATH}${operation.path}` },
      }),
    );
  }
  if (!operation.response) return jsonResponse(operation.status, null, headers);
  if (output === null) {
    return problemResponse(problem(404, "NOT_FOUND", "There is nothing here yet.", context.request.requestId), headers);
  }
  const body = operation.response.schema.parse(operation.response.present(output as never));
  return jsonResponse(operation.status, body, headers);
}

/**
 * Answers one call of the REST Admin API: finds the operation, authenticates the API key,
 * spends its rate limit, applies Idempotency-Key, and runs the operation's tRPC procedure as
 * the key, so the API has no authorization path of its own. Every failure is RFC 9457
 * problem details with the domain code and the request id.
 */
export async function handleRestRequest(request: Request, deps: RestDependencies): Promise<Response> {
  const meta = requestMetaFrom(request.headers);
  const headers: Headers = { "x-request-id": meta.requestId };
  const url = new URL(request.url);
  const log = logger.child({ requestId: meta.requestId });
  try {
    const match = matchOperation(REST_OPERATIONS, request.method, url.pathname.slice(REST_BASE_PATH.length) || "/");
    if (match.kind === "none") {
      throw new Refused(
        problem(404, "NOT_FOUND", `There is no ${url.pathname} in the API; see /api/docs.`, meta.requestId),
      );
    }
    if (match.kind === "wrongMethod") {
      throw new Refused(
        problem(
          405,
          "INVALID_INPUT",
          `${url.pathname} takes ${match.allowed.join(", ")}, not ${request.method}.`,
          meta.requestId,
        ),
        { allow: match.allowed.join(", ") },
      );
    }
    const { operation, pathParameters } = match;
    const actor = await callerActor(request, deps, meta);
    const limit = await spendApiCall(deps.db, actor.apiKeyId, deps.clock.now());
    Object.assign(headers, limit.headers);
    if (!limit.allowed) {
      throw new Refused(
        problem(
          429,
          "RATE_LIMITED",
          `This API key made ${limit.headers["ratelimit-limit"]} calls this minute; wait ${limit.headers["retry-after"]} seconds.`,
          meta.requestId,
        ),
      );
    }
    const text = request.method === "GET" ? "" : await bodyOf(request, meta);
    const body = parsedBody(operation, request, text, meta);
    const shape = procedureShape(operation.procedure);
    let input: Record<string, unknown>;
    try {
      input = restInput(
        shape,
        pathParameters,
        body === undefined ? { from: "query", query: url.searchParams } : { from: "body", body },
      );
      if (body !== undefined && [...url.searchParams.keys()].length > 0) {
        throw new RestInputError(`${operation.method} takes its parameters in the body, not the query.`);
      }
    } catch (error) {
      if (error instanceof RestInputError)
        throw new Refused(problem(400, "INVALID_INPUT", error.message, meta.requestId, error.errors));
      throw error;
    }
    const context: Context = {
      db: deps.db,
      clock: deps.clock,
      request: meta,
      actor,
      log: log.child({ actor: loggedActor(actor) }),
    };

    const idempotencyKey = request.headers.get("idempotency-key");
    if (idempotencyKey === null || operation.method === "GET") return await answer(operation, input, context, headers);
    if (!isIdempotencyKey(idempotencyKey)) {
      throw new Refused(
        problem(
          400,
          "INVALID_INPUT",
          "An Idempotency-Key is 1 to 255 visible ASCII characters, such as a UUID.",
          meta.requestId,
        ),
      );
    }
    const claim = await claimIdempotencyKey(deps.db, deps.clock, {
      apiKeyId: actor.apiKeyId,
      key: idempotencyKey,
      fingerprint: requestFingerprint(request.method, url, text),
    });
    if (claim.kind === "otherRequest") {
      throw new Refused(
        problem(
          422,
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was used with other parameters; use a new key for a new request.",
          meta.requestId,
        ),
      );
    }
    if (claim.kind === "stillRunning") {
      throw new Refused(
        problem(
          409,
          "CONFLICT",
          "A request with this Idempotency-Key is still running; retry in a moment.",
          meta.requestId,
        ),
      );
    }
    if (claim.kind === "replay") {
      const { status, headers: stored, body: storedBody } = claim.response;
      return new Response(status === 204 ? null : storedBody, {
        status,
        headers: { ...headers, ...stored, "idempotent-replayed": "true" },
      });
    }
    const response = await answer(operation, input, context, headers);
    if (response.status >= 500 || response.status === 429) {
      await releaseIdempotencyKey(deps.db, claim.recordId);
      return response;
    }
    const stored = await response.text();
    const keep = ["content-type"].filter((name) => response.headers.has(name));
    await storeIdempotentResponse(deps.db, claim.recordId, {
      status: response.status,
      headers: Object.fromEntries(keep.map((name) => [name, response.headers.get(name)!])),
      body: stored,
    });
    return new Response(response.status === 204 ? null : stored, {
      status: response.status,
      headers: response.headers,
    });
  } catch (error) {
    if (error instanceof Refused) return problemResponse(error.problem, { ...headers, ...error.headers });
    log.error({ err: error }, "REST call failed");
    return problemResponse(problemOf(error, meta.requestId, meta.locale), headers);
  }
}

/** The operation's answer, or the problem its procedure's refusal is. */
async function answer(operation: RestOperation, input: Record<string, unknown>, context: Context, headers: Headers) {
  try {
    return await run(operation, input, context, headers);
  } catch (error) {
    const found = problemOf(error, context.request.requestId, context.request.locale);
    if (found.status >= 500) context.log.error({ err: error, operation: operation.operationId }, "REST call failed");
    const extra: Headers = {};
    if (found.status === 401) extra["www-authenticate"] = 'Bearer realm="api"';
    return problemResponse(found, { ...headers, ...extra });
  }
}
