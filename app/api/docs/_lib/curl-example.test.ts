import { describe, expect, it } from "vitest";
import { apiBaseUrl, curlExample, requiresApiKey } from "./curl-example";
import type { OpenApiDocument } from "./openapi";
import { documentedOperations } from "./operations";

const document: OpenApiDocument = {
  openapi: "3.1.0",
  servers: [{ url: "/api/v1" }],
  security: [{ apiKey: [] }],
  paths: {
    "/users": {
      get: {
        operationId: "listUsers",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer" } },
          { name: "q", in: "query", required: true, schema: { type: "string" }, example: "O'Brien & co" },
        ],
      },
    },
    "/users/{userId}/groups/{groupId}": {
      parameters: [{ name: "userId", in: "path", required: true, example: "u-1" }],
      delete: { operationId: "leaveGroup" },
    },
    "/invitations": {
      post: {
        operationId: "invite",
        parameters: [{ name: "X-Team", in: "header", required: true, schema: { type: "string" } }],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["email", "note"],
                properties: {
                  email: { type: "string", format: "email" },
                  note: { type: "string", example: "It's you" },
                },
              },
            },
          },
        },
      },
    },
    "/health": { get: { operationId: "health", security: [] } },
  },
};

function curlFor(operationId: string) {
  const operation = documentedOperations(document).find(({ id }) => id === operationId)!;
  return curlExample({ document, ...operation, baseUrl: apiBaseUrl(document, "https://console.example.com") });
}

describe("the curl example of an operation", () => {
  it("reads the base URL from the document's server against the console's origin", () => {
    expect(apiBaseUrl(document, "https://console.example.com")).toBe("https://console.example.com/api/v1");
    expect(apiBaseUrl({ openapi: "3.1.0" }, "https://console.example.com")).toBe("https://console.example.com");
    expect(apiBaseUrl({ openapi: "3.1.0", servers: [{ url: "https://api.example.com/v1/" }] }, "https://x")).toBe(
      "https://api.example.com/v1",
    );
  });

  it("sends the API key and the query parameters that are required or have an example", () => {
    expect(curlFor("listUsers")).toBe(
      [
        "curl \\",
        "  --url 'https://console.example.com/api/v1/users?q=O'\\''Brien%20%26%20co' \\",
        "  --header 'Authorization: Bearer cc_…'",
      ].join("\n"),
    );
  });

  it("fills path parameters with their examples or a placeholder, and keys a change for idempotency", () => {
    expect(curlFor("leaveGroup")).toBe(
      [
        "curl --request DELETE \\",
        "  --url 'https://console.example.com/api/v1/users/u-1/groups/<groupId>' \\",
        "  --header 'Authorization: Bearer cc_…' \\",
        '  --header "Idempotency-Key: $(uuidgen)"',
      ].join("\n"),
    );
  });

  it("sends required headers and an example JSON body, quoted for the shell", () => {
    expect(curlFor("invite")).toBe(
      [
        "curl --request POST \\",
        "  --url 'https://console.example.com/api/v1/invitations' \\",
        "  --header 'Authorization: Bearer cc_…' \\",
        '  --header "Idempotency-Key: $(uuidgen)" \\',
        "  --header 'X-Team: <X-Team>' \\",
        "  --header 'Content-Type: application/json' \\",
        `  --data '{\n  "email": "ada@example.com",\n  "note": "It'\\''s you"\n}'`,
      ].join("\n"),
    );
  });

  it("leaves the API key out where the operation needs none", () => {
    expect(curlFor("health")).toBe("curl \\\n  --url 'https://console.example.com/api/v1/health'");
    expect(requiresApiKey(document, document.paths!["/health"]!.get!)).toBe(false);
    expect(requiresApiKey(document, { security: [{}, { apiKey: [] }] })).toBe(false);
    expect(requiresApiKey({ openapi: "3.1.0" }, {})).toBe(false);
  });
});
