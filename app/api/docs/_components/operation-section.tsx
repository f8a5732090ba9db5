import { useTranslations } from "next-intl";
import { curlExample, requiresApiKey } from "../_lib/curl-example";
import type { RequestBody } from "../_lib/openapi";
import type { DocumentedOperation } from "../_lib/operations";
import { resolve } from "../_lib/resolve";
import { codeTag } from "./code";
import { CurlBlock } from "./curl-block";
import { Description } from "./description";
import { MethodBadge } from "./method-badge";
import { ParametersTable } from "./parameters-table";
import type { ReferenceContext } from "./reference-context";
import { RequestBodyView } from "./request-body-view";
import { ResponseList } from "./response-list";

const subheadingClass = "mt-5 text-sm font-semibold text-slate-900 dark:text-slate-100";

/** One operation: what it does, what it needs, what it answers, and how to call it with curl. */
export function OperationSection({ entry, context }: { entry: DocumentedOperation; context: ReferenceContext }) {
  const t = useTranslations("apiDocs.operation");
  const { id, method, path, operation, parameters } = entry;
  const name = operation.summary ?? `${method.toUpperCase()} ${path}`;
  const body = resolve<RequestBody>(context.document, operation.requestBody);
  const keyed = requiresApiKey(context.document, operation);
  const scope = operation["x-permission"];
  return (
    <article
      aria-labelledby={id}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id={id} className="scroll-mt-6 text-lg font-semibold">
        {name}
      </h3>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <MethodBadge method={method} />
        <code className="font-mono text-sm [overflow-wrap:anywhere]">{path}</code>
        {operation.deprecated ? (
          <span className="text-sm text-amber-800 dark:text-amber-300">{t("deprecated")}</span>
        ) : null}
      </p>
      <Description text={operation.description} className="mt-3 text-sm" />
      {keyed && scope ? (
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">{t.rich("scope", { ...codeTag, scope })}</p>
      ) : null}
      {keyed ? null : <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">{t("noApiKey")}</p>}
      {parameters.length > 0 ? (
        <>
          <h4 className={subheadingClass}>{t("parameters")}</h4>
          <ParametersTable parameters={parameters} operationName={name} context={context} />
        </>
      ) : null}
      {body ? (
        <>
          <h4 className={subheadingClass}>{t("requestBody")}</h4>
          <RequestBodyView body={body} context={context} />
        </>
      ) : null}
      {operation.responses ? (
        <>
          <h4 className={subheadingClass}>{t("responses")}</h4>
          <ResponseList responses={operation.responses} context={context} />
        </>
      ) : null}
      <h4 className={subheadingClass}>{t("example")}</h4>
      <CurlBlock command={curlExample({ document: context.document, ...entry, baseUrl: context.baseUrl })} />
    </article>
  );
}
