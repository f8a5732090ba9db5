import {
  HTTP_METHODS,
  type HttpMethod,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type Tag,
} from "./openapi";
import { resolve } from "./resolve";

export interface DocumentedOperation {
  /** The operation's anchor on the page: its operationId, so /api/docs#listUsers finds it. */
  id: string;
  method: HttpMethod;
  path: string;
  operation: Operation;
  /** The path's parameters and the operation's own (which win on the same name and place), resolved. */
  parameters: Parameter[];
}

export interface TagSection {
  /** The tag's anchor on the page. */
  id: string;
  tag: Tag;
  operations: DocumentedOperation[];
}

/** An anchor made of letters, digits and dashes from any text. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function parametersOf(document: OpenApiDocument, ...lists: (Operation["parameters"] | undefined)[]): Parameter[] {
  const byPlace = new Map<string, Parameter>();
  for (const list of lists) {
    for (const entry of list ?? []) {
      const parameter = resolve<Parameter>(document, entry);
      if (parameter) byPlace.set(`${parameter.in}:${parameter.name}`, parameter);
    }
  }
  return [...byPlace.values()];
}

/** Every operation of the document, in the order of its paths and of HTTP_METHODS within a path. */
export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method]!;
      return {
        id: operation.operationId ?? `${method}-${slug(path)}`,
        method,
        path,
        operation,
        parameters: parametersOf(document, item.parameters, operation.parameters),
      };
    }),
  );
}

/**
 * The operations grouped by their first tag: the document's tags in its order, then tags it
 * uses without declaring them, then untagged operations under `untagged`. An operation with
 * several tags is shown once, so that its anchor is unique.
 */
export function operationsByTag(document: OpenApiDocument, untagged: string): TagSection[] {
  const operations = documentedOperations(document);
  const declared = document.tags ?? [];
  const used = operations.map(({ operation }) => operation.tags?.[0]).filter((name) => name !== undefined);
  const tags: Tag[] = [...declared];
  for (const name of used) if (!tags.some((tag) => tag.name === name)) tags.push({ name });
  const sections = tags.map((tag) => ({
    id: `tag-${slug(tag.name)}`,
    tag,
    operations: operations.filter(({ operation }) => operation.tags?.[0] === tag.name),
  }));
  const rest = operations.filter(({ operation }) => !operation.tags?.length);
  if (rest.length > 0) sections.push({ id: "tag-untagged", tag: { name: untagged }, operations: rest });
  return sections;
}
