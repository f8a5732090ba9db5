import type { TypeWords } from "../_lib/describe-type";
import type { OpenApiDocument } from "../_lib/openapi";

/** What every part of the reference reads: the document, the words for types, and where the API lives. */
export interface ReferenceContext {
  document: OpenApiDocument;
  words: TypeWords;
  baseUrl: string;
}
