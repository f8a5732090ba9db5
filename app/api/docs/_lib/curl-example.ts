import { exampleValue } from "./example-value";
import type { HttpMethod, OpenApiDocument, Operation, Parameter, RequestBody } from "./openapi";
import { resolve } from "./resolve";

/** How the examples write an API key: the start every key has, then an ellipsis for the secret. */
export const API_KEY_PLACEHOLDER = "cc_…";

/** Methods that change something, where a retry with the same Idempotency-Key is answered once. */
const IDEMPOTENT_BY_KEY: readonly HttpMethod[] = ["post", "patch", "delete"];

/** Headers the example writes itself, whatever the operation declares. */
const WRITTEN_HEADERS = ["authorization", "content-type", "idempotency-key"];

/** A word for the shell, quoted so that nothing in it is expanded. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Whether an operation needs an API key: its own security, else the document's; `[]` or `{}` means none. */
export function requiresApiKey(document: OpenApiDocument, operation: Operation): boolean {
  const requirements = operation.security ?? document.security ?? [];
  return requirements.length > 0 && requirements.every((requirement) => Object.keys(requirement).length > 0);
}

/** The parameter's own example, or one from its schema when that schema gives one. */
function parameterExample(parameter: Parameter): string | undefined {
  const value = parameter.example ?? parameter.schema?.examples?.[0] ?? parameter.schema?.example;
  return value === undefined ? undefined : String(value);
}

/** A parameter's value in the URL: its example, encoded, or `<name>` for the reader to fill in. */
function urlValue(parameter: Parameter | undefined, name: string): string {
  const example = parameter && parameterExample(parameter);
  return example === undefined ? `<${name}>` : encodeURIComponent(example);
}

/** The base URL of the API on this console: the document's first server, read against the console's origin. */
export function apiBaseUrl(document: OpenApiDocument, origin: string): string {
  return new URL(document.servers?.[0]?.url ?? "/", `${origin}/`).toString().replace(/\/$/, "");
}

export interface CurlRequest {
  document: OpenApiDocument;
  method: HttpMethod;
  path: string;
  operation: Operation;
  /** The operation's parameters with the path's own, references resolved. */
  parameters: readonly Parameter[];
  baseUrl: string;
}

/** The JSON body of the example: the media type's example if it has one, else one made from its schema. */
function bodyExample(document: OpenApiDocument, body: RequestBody | undefined): unknown {
  const media = body?.content?.["application/json"];
  if (!media) return undefined;
  return media.example ?? exampleValue(media.schema, document);
}

/**
 * A curl command that makes the call: the URL with its path parameters (examples, or
 * `<name>` to fill in), the API key header, an Idempotency-Key on changes, and an example body.
 */
export function curlExample({ document, method, path, operation, parameters, baseUrl }: CurlRequest): string {
  const pathWithValues = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    urlValue(
      parameters.find((candidate) => candidate.in === "path" && candidate.name === name),
      name,
    ),
  );
  const query = parameters
    .filter(
      (candidate) => candidate.in === "query" && (candidate.required || parameterExample(candidate) !== undefined),
    )
    .map((parameter) => `${encodeURIComponent(parameter.name)}=${urlValue(parameter, parameter.name)}`);
  const search = query.length > 0 ? `?${query.join("&")}` : "";
  const lines = [`curl${method === "get" ? "" : ` --request ${method.toUpperCase()}`}`];
  lines.push(`--url ${shellQuote(`${baseUrl}${pathWithValues}${search}`)}`);
  if (requiresApiKey(document, operation))
    lines.push(`--header ${shellQuote(`Authorization: Bearer ${API_KEY_PLACEHOLDER}`)}`);
  if (IDEMPOTENT_BY_KEY.includes(method)) lines.push(`--header "Idempotency-Key: $(uuidgen)"`);
  for (const parameter of parameters.filter((candidate) => candidate.in === "header" && candidate.required)) {
    if (WRITTEN_HEADERS.includes(parameter.name.toLowerCase())) continue;
    lines.push(`--header ${shellQuote(`${parameter.name}: ${parameterExample(parameter) ?? `<${parameter.name}>`}`)}`);
  }
  const body = bodyExample(document, resolve<RequestBody>(document, operation.requestBody));
  if (body !== undefined) {
    lines.push(`--header ${shellQuote("Content-Type: application/json")}`);
    lines.push(`--data ${shellQuote(JSON.stringify(body, null, 2))}`);
  }
  return lines.join(" \\\n  ");
}
