import openapiTS, { astToString } from "openapi-typescript";
import { buildOpenApiDocument } from "../openapi-document";

export const GENERATED_TYPES_PATH = "server/rest/client/api-v1.d.ts";

/** The TypeScript types openapi-typescript makes of the API's document: what the typed client is built on. */
export async function generatedApiTypes(): Promise<string> {
  const ast = await openapiTS(buildOpenApiDocument() as never, { alphabetize: true });
  return `// Generated from the OpenAPI document by \`npm run api:types\`; do not edit.\n${astToString(ast)}`;
}
