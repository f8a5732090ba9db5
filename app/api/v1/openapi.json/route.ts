import { buildOpenApiDocument } from "@/server/rest/openapi-document";

/** The REST Admin API's OpenAPI document: public, so that tools can read it and generate clients from it. */
export function GET() {
  return Response.json(buildOpenApiDocument());
}
