import type { Database } from "@/db/client";
import type { Clock } from "../clock";
import { requestMetaFrom } from "../context";
import { BodyTooLarge, readTextWithin } from "../http/body-limit";
import { noteRequestActor } from "../http/request-actors";
import { logger } from "../logger";
import { scimActorOf } from "./scim-auth";
import type { ScimAnswer, ScimCall } from "./scim-call";
import { discoveryAnswer, serviceProviderConfig } from "./scim-discovery";
import { asScimError, SCIM_CONTENT_TYPE, ScimError, scimErrorResponse } from "./scim-errors";
import { groupsEndpoint } from "./scim-group-endpoints";
import { scimBaseUrl } from "./scim-token";
import { usersEndpoint } from "./scim-user-endpoints";

export const SCIM_PATH = "/scim/v2";
/** The largest request body: a group's full member list fits many times over. */
export const MAX_SCIM_BODY_BYTES = 1_000_000;

/**
 * Answers one SCIM 2.0 request (RFC 7644) for the team whose token it carries. Every refusal is
 * a SCIM error message; every response carries the request id.
 */
export async function handleScimRequest(db: Database, clock: Clock, request: Request): Promise<Response> {
  const meta = requestMetaFrom(request.headers);
  const headers = { "x-request-id": meta.requestId };
  try {
    const actor = await scimActorOf(db, clock, request.headers.get("authorization"), meta.ip);
    noteRequestActor(meta.requestId, actor);
    const url = new URL(request.url);
    const call: ScimCall = {
      db,
      ctx: { actor, clock, request: meta },
      teamId: actor.teamId,
      method: request.method.toUpperCase(),
      query: url.searchParams,
      body: await bodyOf(request),
    };
    const answer = await route(call, url.pathname.slice(SCIM_PATH.length).split("/").filter(Boolean));
    if (answer.status === 204) return new Response(null, { status: 204, headers: { ...headers, ...answer.headers } });
    return Response.json(answer.body, {
      status: answer.status,
      headers: { ...headers, ...answer.headers, "content-type": SCIM_CONTENT_TYPE },
    });
  } catch (error) {
    const refusal = asScimError(error);
    if (refusal) return scimErrorResponse(refusal, headers);
    logger.error({ err: error, requestId: meta.requestId }, "SCIM request failed");
    return scimErrorResponse(
      new ScimError(500, `Something went wrong on the console's side; quote request id ${meta.requestId}.`),
      headers,
    );
  }
}

/** The JSON body of a POST, PUT or PATCH, read no further than the limit. */
async function bodyOf(request: Request): Promise<unknown> {
  if (!["POST", "PUT", "PATCH"].includes(request.method.toUpperCase())) return undefined;
  let text: string;
  try {
    text = await readTextWithin(request, MAX_SCIM_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new ScimError(413, `${error.message} Send less in one request.`);
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ScimError(400, "The request body is not valid JSON.", "invalidSyntax");
  }
}

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ScimError(400, `The path segment ${segment} is not valid percent-encoding.`, "invalidSyntax");
  }
}

function route(call: ScimCall, segments: string[]): Promise<ScimAnswer> | ScimAnswer {
  const [resource, id, ...rest] = segments.map(decodedSegment);
  if (rest.length) throw new ScimError(404, `Nothing is at ${segments.join("/")}.`);
  const base = scimBaseUrl();
  const readOnly = (answer: () => unknown): ScimAnswer => {
    if (call.method !== "GET") throw new ScimError(501, `${resource} is read-only.`);
    return { status: 200, body: answer() };
  };
  switch (resource) {
    case "Users":
      return usersEndpoint(call, id);
    case "Groups":
      return groupsEndpoint(call, id);
    case "ServiceProviderConfig":
      return readOnly(() => serviceProviderConfig(base));
    case "ResourceTypes":
    case "Schemas":
      return readOnly(() => discoveryAnswer(resource, base, id));
    case "Bulk":
      throw new ScimError(501, "Bulk operations are not supported; send each change on its own.");
    default:
      throw new ScimError(404, `Nothing is at ${SCIM_PATH}/${segments.join("/")}.`);
  }
}
