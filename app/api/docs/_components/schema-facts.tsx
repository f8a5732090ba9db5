import { useTranslations } from "next-intl";
import type { SchemaNode } from "../_lib/schema-tree";
import { Code, codeTag } from "./code";
import { Description } from "./description";

/** What a schema says about its values: description, allowed values, default, limits. */
export function SchemaFacts({ schema }: { schema: SchemaNode }) {
  const t = useTranslations("apiDocs.schema");
  return (
    <>
      <Description text={schema.description} className="mt-1" />
      {schema.enumValues.length > 0 ? (
        <p className="mt-1 text-slate-700 dark:text-slate-300">
          {t("allowedValues")}{" "}
          {schema.enumValues.map((value, index) => (
            <span key={value}>
              {index > 0 ? ", " : null}
              <Code>{value}</Code>
            </span>
          ))}
        </p>
      ) : null}
      {schema.defaultValue !== undefined || schema.constraints.length > 0 ? (
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {[
            ...(schema.defaultValue === undefined
              ? []
              : [<span key="default">{t.rich("default", { ...codeTag, value: schema.defaultValue })}</span>]),
            ...schema.constraints.map(({ keyword, value }) => (
              <span key={keyword}>{t.rich(`constraint.${keyword}`, { ...codeTag, value })}</span>
            )),
          ].flatMap((fact, index) => (index > 0 ? ["; ", fact] : [fact]))}
        </p>
      ) : null}
    </>
  );
}
