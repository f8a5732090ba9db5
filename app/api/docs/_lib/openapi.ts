/**
 * The parts of an OpenAPI 3.1 document the reference page reads. Everything is optional and
 * loose because the document is JSON written by hand, not by this module.
 */
export interface Reference {
  $ref: string;
  description?: string;
  summary?: string;
}

export interface Schema {
  $ref?: string;
  type?: string | readonly string[];
  format?: string;
  title?: string;
  description?: string;
  enum?: readonly unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: readonly unknown[];
  nullable?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  deprecated?: boolean;
  properties?: Readonly<Record<string, Schema>>;
  required?: readonly string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  prefixItems?: readonly Schema[];
  oneOf?: readonly Schema[];
  anyOf?: readonly Schema[];
  allOf?: readonly Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

export interface Parameter {
  name: string;
  in: "query" | "header" | "path" | "cookie";
  description?: string;
  required?: boolean;
  deprecated?: boolean;
  schema?: Schema;
  example?: unknown;
  examples?: Readonly<Record<string, { value?: unknown } | Reference>>;
}

export interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Readonly<Record<string, { value?: unknown } | Reference>>;
}

export interface RequestBody {
  description?: string;
  required?: boolean;
  content?: Readonly<Record<string, MediaType>>;
}

export interface Header {
  description?: string;
  required?: boolean;
  schema?: Schema;
}

export interface Response {
  description?: string;
  headers?: Readonly<Record<string, Header | Reference>>;
  content?: Readonly<Record<string, MediaType>>;
}

export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: readonly string[];
  deprecated?: boolean;
  parameters?: readonly (Parameter | Reference)[];
  requestBody?: RequestBody | Reference;
  responses?: Readonly<Record<string, Response | Reference>>;
  security?: readonly SecurityRequirement[];
  /** The permission (scope) an API key needs for this operation. */
  "x-permission"?: string;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItem = { parameters?: readonly (Parameter | Reference)[] } & {
  [method in HttpMethod]?: Operation;
};

export interface Tag {
  name: string;
  description?: string;
}

export interface OpenApiDocument {
  openapi: string;
  info?: { title?: string; version?: string; description?: string };
  servers?: readonly { url: string; description?: string }[];
  tags?: readonly Tag[];
  paths?: Readonly<Record<string, PathItem>>;
  security?: readonly SecurityRequirement[];
  components?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/**
 * The document as this module reads it. The builder returns a plain JSON object whose exact
 * type is its own; only its version is checked, because the page is written for 3.1.
 */
export function openApiDocument(value: object): OpenApiDocument {
  const version = (value as { openapi?: unknown }).openapi;
  if (typeof version !== "string" || !version.startsWith("3.1.")) {
    throw new Error(`The API reference reads OpenAPI 3.1 documents, not ${String(version)}.`);
  }
  return value as OpenApiDocument;
}
