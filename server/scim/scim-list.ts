import { ScimError } from "./scim-errors";

export const LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 200;

export type ScimResource = Record<string, unknown>;

/** A page of a list: startIndex counts from 1. */
export interface Page {
  startIndex: number;
  count: number;
}

/**
 * The page a query asks for. As RFC 7644 §3.4.2.4 says, a startIndex below 1 means 1 and a
 * negative count means 0; a count above the maximum is cut to it.
 */
export function pageOf(query: URLSearchParams): Page {
  return {
    startIndex: Math.max(1, integerParameter(query, "startIndex") ?? 1),
    count: Math.min(MAX_PAGE_SIZE, Math.max(0, integerParameter(query, "count") ?? DEFAULT_PAGE_SIZE)),
  };
}

function integerParameter(query: URLSearchParams, name: string): number | null {
  const text = query.get(name);
  if (text === null) return null;
  if (!/^-?\d{1,9}$/.test(text.trim())) throw new ScimError(400, `${name} is a whole number.`, "invalidValue");
  return Number(text);
}

export function listResponse(total: number, page: Page, resources: ScimResource[]) {
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults: total,
    startIndex: page.startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
