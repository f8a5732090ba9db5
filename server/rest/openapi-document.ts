import { z } from "zod";
import { PERMISSIONS } from "../permissions";
import { API_KEY_BUDGET } from "./api-rate-limit";
import { REST_OPERATIONS } from "./operations";
import { fieldKind, procedureShape } from "./procedure-input";
import { restSchemas } from "./resources";
import { REST_BASE_PATH, type RestOperation, type RestTag } from "./rest-operation";

type JsonObject = Record<string, unknown>;

const TAGS: Record<RestTag, string> = {
  Users: "The team's users: their memberships, roles, licences and status.",
  Invitations: "Pending invitations, and inviting many people at once.",
  Groups: "Groups of users, which custom apps are given to (FileMaker Cloud).",
  Hosts: "The team's FileMaker hosts, their status and the operations run on them (FileMaker Cloud).",
  Subscription: "The team's subscription, read-only.",
  "Audit events": "The team's hash-chained audit log.",
};

/** JSON Schema of procedure input: a date is ISO 8601 text on the wire. */
function inputJsonSchema(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === "date") {
        ctx.jsonSchema.type = "string";
        ctx.jsonSchema.format = "date-time";
      }
    },
  }) as JsonObject;
  delete json.$schema;
  return json;
}

function problemResponses(operation: RestOperation): JsonObject {
  const problem = { $ref: "#/components/responses/Problem" };
  const responses: JsonObject = {
    "400": problem,
    "401": problem,
    "403": problem,
    "404": problem,
    "429": { $ref: "#/components/responses/RateLimited" },
  };
  if (operation.method !== "GET") responses["409"] = problem;
  if (operation.method === "POST" || operation.method === "PATCH") {
    responses["413"] = problem;
    responses["415"] = problem;
  }
  if (operation.method !== "GET") responses["422"] = problem;
  return responses;
}

function successResponse(operation: RestOperation): JsonObject {
  const headers = { "RateLimit-Remaining": { $ref: "#/components/headers/RateLimitRemaining" } };
  if (operation.download) {
    return {
      description: "The file, streamed.",
      headers,
      content: Object.fromEntries(
        Object.values(operation.download.contentTypes).map((type) => [
          type.split(";")[0],
          { schema: { type: "string" } },
        ]),
      ),
    };
  }
  if (!operation.response) return { description: "Done; nothing to return.", headers };
  const id = restSchemas.get(operation.response.schema)?.id;
  if (!id) throw new Error(`${operation.operationId} answers with a schema not in the registry.`);
  return {
    description: operation.response.description,
    headers,
    content: { "application/json": { schema: { $ref: `#/components/schemas/${id}` } } },
  };
}

function operationObject(operation: RestOperation): JsonObject {
  const shape = procedureShape(operation.procedure);
  if (shape.meta?.gate !== "team") throw new Error(`${operation.procedure} is not a team procedure.`);
  const pathNames = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const parameters: JsonObject[] = pathNames.map((name) => {
    const field = shape.fields[name];
    if (!field) throw new Error(`${operation.procedure} has no input ${name} for ${operation.path}.`);
    return { name, in: "path", required: true, schema: inputJsonSchema(field) };
  });
  const rest = Object.fromEntries(Object.entries(shape.fields).filter(([name]) => !pathNames.includes(name)));
  const restSchema = inputJsonSchema(z.object(rest));
  const inBody = operation.method === "POST" || operation.method === "PATCH";
  if (!inBody) {
    const required = new Set((restSchema.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((restSchema.properties as JsonObject | undefined) ?? {})) {
      const description = (schema as JsonObject).description;
      parameters.push({
        name,
        in: "query",
        required: required.has(name),
        schema,
        ...(description ? { description } : {}),
        ...(fieldKind(rest[name]!) === "date"
          ? { description: "ISO 8601 date and time, such as 2026-12-01T09:00:00Z." }
          : {}),
      });
    }
  }
  if (operation.method !== "GET") parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
  const permission = shape.meta.permission;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, `Needs the \`${permission}\` scope (${PERMISSIONS[permission].label}).`]
      .filter(Boolean)
      .join("\n\n"),
    tags: [operation.tag],
    "x-permission": permission,
    parameters,
    ...(inBody && Object.keys(rest).length > 0
      ? { requestBody: { required: true, content: { "application/json": { schema: restSchema } } } }
      : {}),
    responses: { [String(operation.status)]: successResponse(operation), ...problemResponses(operation) },
  };
}

function componentSchemas(): JsonObject {
  const { schemas } = z.toJSONSchema(restSchemas, { uri: (id) => `#/components/schemas/${id}`, io: "output" });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
      return [id, rest];
    }),
  );
}

/**
 * The OpenAPI 3.1 description of the REST Admin API, generated from the operations, the
 * zod schemas of their procedures' inputs and of their answers, and the permission map: it
 * cannot describe a call differently from how the call behaves.
 */
export function buildOpenApiDocument(): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const operation of REST_OPERATIONS) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = operationObject(operation);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Customer Console Admin API",
      version: "1.0.0",
      description:
        "Manage a team's users, invitations, groups and hosts, and read its subscription and audit log. Authenticate with an API key from Settings → API keys: `Authorization: Bearer cc_…`. A key acts with the scopes it was given and never more than its creator may do today.",
    },
    servers: [{ url: REST_BASE_PATH }],
    security: [{ apiKey: [] }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key of the team (`cc_…`)." },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
      },
      headers: {
        RateLimitRemaining: {
          description: `Calls left in the current minute; each key may make ${API_KEY_BUDGET.limit} a minute.`,
          schema: { type: "integer" },
        },
      },
      responses: {
        Problem: {
          description: "RFC 9457 problem details: `detail` says what to fix, `code` is the domain code.",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
        RateLimited: {
          description: "Too many calls this minute; `Retry-After` says how many seconds to wait.",
          headers: { "Retry-After": { schema: { type: "integer" } } },
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
      schemas: componentSchemas(),
    },
  };
}
