import createClient from "openapi-fetch";
import type { paths } from "../rest/client/api-v1";

/**
 * The typed client of the REST Admin API, made from its OpenAPI document by openapi-fetch;
 * `fetch` lets tests answer through the route handler without a server.
 */
export function createApiClient(options: { baseUrl: string; apiKey: string; fetch?: typeof globalThis.fetch }) {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
