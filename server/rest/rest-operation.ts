import type { z } from "zod";

export const REST_BASE_PATH = "/api/v1";

export type RestTag = "Users" | "Invitations" | "Groups" | "Hosts" | "Subscription" | "Audit events";

/** A stream of text the procedure yields chunk by chunk, sent as a download. */
export interface RestDownload {
  /** The content type by the value of the `format` input, or the one type when there is no format. */
  contentTypes: Record<string, string>;
  filename: string;
}

/**
 * One call of the REST Admin API and the procedure it runs. The procedure decides who may
 * call it (its permission is the scope the key needs) and what input it takes: the path's
 * parameters and the query (GET, DELETE) or JSON body (POST, PATCH) become its input, and the
 * key's team is its `teamId`.
 */
export interface RestOperation {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Below /api/v1, with `{name}` for a path parameter named like the procedure's input field. */
  path: string;
  procedure: string;
  tag: RestTag;
  summary: string;
  description?: string;
  status: 200 | 201 | 202 | 204;
  /** The answer's schema and how the procedure's output becomes it; none for 204. */
  response?: { schema: z.ZodType; description: string; present: (output: never) => unknown };
  download?: RestDownload;
}
