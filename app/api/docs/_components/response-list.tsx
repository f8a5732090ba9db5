import { useTranslations } from "next-intl";
import type { Header, Operation, Response } from "../_lib/openapi";
import { resolve } from "../_lib/resolve";
import { Code } from "./code";
import { Description } from "./description";
import type { ReferenceContext } from "./reference-context";
import { SchemaView } from "./schema-view";
import { StatusBadge } from "./status-badge";

/** Every response an operation may give: status, meaning, headers and body. */
export function ResponseList({
  responses,
  context,
}: {
  responses: NonNullable<Operation["responses"]>;
  context: ReferenceContext;
}) {
  const t = useTranslations("apiDocs.response");
  return (
    <ul className="mt-2 space-y-3">
      {Object.entries(responses).map(([status, entry]) => {
        const response = resolve<Response>(context.document, entry) ?? {};
        const headers = Object.entries(response.headers ?? {}).map(
          ([name, header]) => [name, resolve<Header>(context.document, header)] as const,
        );
        const content = Object.entries(response.content ?? {});
        return (
          <li key={status} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
            <div className="flex flex-wrap items-baseline gap-2">
              <StatusBadge status={status} />
              <Description text={response.description} />
            </div>
            {headers.length > 0 ? (
              <div className="mt-2">
                <p className="text-slate-700 dark:text-slate-300">{t("headers")}</p>
                <ul className="mt-1 space-y-1 pl-4">
                  {headers.map(([name, header]) => (
                    <li key={name}>
                      <Code>{name}</Code>{" "}
                      <span className="text-slate-600 dark:text-slate-400">{header?.description}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {content.length === 0 ? <p className="mt-1 text-slate-600 dark:text-slate-400">{t("noBody")}</p> : null}
            {content.map(([mediaType, media]) =>
              media.schema ? (
                <SchemaView key={mediaType} schema={media.schema} mediaType={mediaType} context={context} />
              ) : null,
            )}
          </li>
        );
      })}
    </ul>
  );
}
