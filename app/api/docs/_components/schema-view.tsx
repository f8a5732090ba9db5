import type { Schema } from "../_lib/openapi";
import { schemaTree } from "../_lib/schema-tree";
import type { ReferenceContext } from "./reference-context";
import { SchemaFacts } from "./schema-facts";
import { SchemaProperties } from "./schema-properties";

/** A request or response body's schema: its type, then what it holds. */
export function SchemaView({
  schema,
  mediaType,
  context,
}: {
  schema: Schema;
  mediaType: string;
  context: ReferenceContext;
}) {
  const tree = schemaTree(schema, context.document, context.words);
  return (
    <div className="mt-2 text-sm">
      <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
        {mediaType} · {tree.type}
      </p>
      <SchemaFacts schema={tree} />
      <SchemaProperties schema={tree} />
    </div>
  );
}
