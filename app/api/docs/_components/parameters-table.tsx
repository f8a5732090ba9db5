import { useTranslations } from "next-intl";
import { describeType } from "../_lib/describe-type";
import type { Parameter } from "../_lib/openapi";
import { schemaTree } from "../_lib/schema-tree";
import { Code } from "./code";
import { Description } from "./description";
import type { ReferenceContext } from "./reference-context";
import { SchemaFacts } from "./schema-facts";

const cellClass = "px-3 py-2 align-top";
/** Columns that narrow screens fold into the name cell, so the table fits without scrolling sideways. */
const wideCellClass = `${cellClass} hidden sm:table-cell`;

/** An operation's parameters: where each goes, its type, whether it must be given, and what it means. */
export function ParametersTable({
  parameters,
  operationName,
  context,
}: {
  parameters: readonly Parameter[];
  operationName: string;
  context: ReferenceContext;
}) {
  const t = useTranslations("apiDocs.parameter");
  const tOperation = useTranslations("apiDocs.operation");
  return (
    <table className="mt-2 w-full border-collapse text-left text-sm">
      <caption className="sr-only">{tOperation("parametersOf", { operation: operationName })}</caption>
      <thead className="border-b border-slate-300 text-xs text-slate-600 uppercase dark:border-slate-700 dark:text-slate-400">
        <tr>
          <th scope="col" className={cellClass}>
            {t("name")}
          </th>
          <th scope="col" className={wideCellClass}>
            {t("in")}
          </th>
          <th scope="col" className={cellClass}>
            {t("type")}
          </th>
          <th scope="col" className={wideCellClass}>
            {t("required")}
          </th>
          <th scope="col" className={cellClass}>
            {t("description")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {parameters.map((parameter) => {
          const facts = parameter.schema ? schemaTree(parameter.schema, context.document, context.words) : undefined;
          return (
            <tr key={`${parameter.in}:${parameter.name}`}>
              <th scope="row" className={`${cellClass} font-normal`}>
                <Code>{parameter.name}</Code>
                <span className="mt-1 block text-xs text-slate-600 sm:hidden dark:text-slate-400">
                  {parameter.in} · {parameter.required ? t("required") : t("optional")}
                </span>
              </th>
              <td className={`${wideCellClass} text-slate-600 dark:text-slate-400`}>{parameter.in}</td>
              <td className={`${cellClass} font-mono text-xs`}>
                {describeType(parameter.schema, context.document, context.words)}
              </td>
              <td className={wideCellClass}>{parameter.required ? t("yes") : t("no")}</td>
              <td className={cellClass}>
                <Description text={parameter.description ?? facts?.description} />
                {facts ? <SchemaFacts schema={{ ...facts, description: undefined }} /> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
