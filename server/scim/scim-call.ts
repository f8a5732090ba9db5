import type { Database } from "@/db/client";
import type { DomainContext } from "../domain-context";
import { ScimError } from "./scim-errors";
import { parseEqualityFilter } from "./scim-filter";
import type { ScimResource } from "./scim-list";

/** One authenticated SCIM request, as the resource endpoints see it. */
export interface ScimCall {
  db: Database;
  ctx: DomainContext;
  teamId: string;
  method: string;
  query: URLSearchParams;
  /** The parsed JSON body; undefined for GET and DELETE. */
  body: unknown;
}

export interface ScimAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function ok(body: unknown): ScimAnswer {
  return { status: 200, body };
}

export const noContent: ScimAnswer = { status: 204 };

export function created(resource: ScimResource): ScimAnswer {
  return { status: 201, body: resource, headers: { location: (resource.meta as { location: string }).location } };
}

/** The body as an object of attributes, or a 400 invalidSyntax. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ScimError(400, "The request body is a JSON object.", "invalidSyntax");
  }
  return body as Record<string, unknown>;
}

export function filtersOf(query: URLSearchParams) {
  const filter = query.get("filter");
  return filter === null ? [] : parseEqualityFilter(filter);
}

/** Whether the query leaves `attribute` out (excludedAttributes=members, as Microsoft Entra ID asks for groups). */
export function excludes(query: URLSearchParams, attribute: string): boolean {
  return (query.get("excludedAttributes") ?? "")
    .split(",")
    .some((name) => name.trim().toLowerCase() === attribute.toLowerCase());
}

export function methodNotAllowed(method: string, what: string): ScimError {
  return new ScimError(501, `${method} is not supported on ${what}.`);
}
