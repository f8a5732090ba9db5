import { useTranslations } from "next-intl";
import type { SchemaNode } from "../_lib/schema-tree";
import { Code } from "./code";
import { SchemaFacts } from "./schema-facts";

/**
 * What an object (or each item of an array) holds: its properties, each with its type and
 * facts, nested as deep as the schema goes; the alternatives of a oneOf one after another.
 */
export function SchemaProperties({ schema }: { schema: SchemaNode }) {
  const t = useTranslations("apiDocs.schema");
  return (
    <>
      {schema.recursive ? (
        <p className="mt-1 text-slate-600 italic dark:text-slate-400">{t("recursive", { name: schema.recursive })}</p>
      ) : null}
      {schema.properties.length > 0 ? (
        <ul className="mt-2 divide-y divide-slate-200 border-l-2 border-slate-200 dark:divide-slate-800 dark:border-slate-700">
          {schema.properties.map((property) => (
            <li key={property.name} className="py-2 pl-4">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <Code>{property.name}</Code>
                <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{property.schema.type}</span>
                <span
                  className={
                    property.required
                      ? "text-xs font-medium text-red-700 dark:text-red-300"
                      : "text-xs text-slate-600 dark:text-slate-400"
                  }
                >
                  {property.required ? t("required") : t("optional")}
                </span>
                {property.schema.readOnly ? (
                  <span className="text-xs text-slate-600 dark:text-slate-400">{t("readOnly")}</span>
                ) : null}
                {property.schema.writeOnly ? (
                  <span className="text-xs text-slate-600 dark:text-slate-400">{t("writeOnly")}</span>
                ) : null}
                {property.schema.deprecated ? (
                  <span className="text-xs text-amber-800 dark:text-amber-300">{t("deprecated")}</span>
                ) : null}
              </p>
              <SchemaFacts schema={property.schema} />
              <SchemaProperties schema={property.schema} />
            </li>
          ))}
        </ul>
      ) : null}
      {schema.variants.length > 0 ? (
        <div className="mt-2">
          <p className="text-slate-700 dark:text-slate-300">{t("variants")}</p>
          <ul className="mt-1 space-y-2">
            {schema.variants.map((variant) => (
              <li key={variant.label} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
                <p className="font-mono text-xs text-slate-600 dark:text-slate-400">{variant.label}</p>
                <SchemaFacts schema={variant.schema} />
                <SchemaProperties schema={variant.schema} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
