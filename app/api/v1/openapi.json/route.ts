import { buildOpenApiDocument } from "@/server/rest/openapi-document";

let document: string | undefined;

/** The API's OpenAPI 3.1 document: public, like the reference at /api/docs. */
export function GET() {
  document ??= JSON.stringify(buildOpenApiDocument());
  return new Response(document, {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
  });
}
