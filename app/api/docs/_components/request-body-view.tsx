import { useTranslations } from "next-intl";
import type { RequestBody } from "../_lib/openapi";
import { Description } from "./description";
import type { ReferenceContext } from "./reference-context";
import { SchemaView } from "./schema-view";

/** What an operation expects in its body, per media type. */
export function RequestBodyView({ body, context }: { body: RequestBody; context: ReferenceContext }) {
  const t = useTranslations("apiDocs.operation");
  return (
    <div className="text-sm">
      <Description text={body.description} />
      {body.required ? <p className="text-slate-700 dark:text-slate-300">{t("requiredBody")}</p> : null}
      {Object.entries(body.content ?? {}).map(([mediaType, media]) =>
        media.schema ? (
          <SchemaView key={mediaType} schema={media.schema} mediaType={mediaType} context={context} />
        ) : null,
      )}
    </div>
  );
}
