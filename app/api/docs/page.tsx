import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/app/_lib/page-title";
import { LanguageForm } from "@/app/(auth)/_components/language-form";
import { consoleOrigin } from "@/server/invitations/console-origin";
import { buildOpenApiDocument } from "@/server/rest/openapi-document";
import { ApiIntro } from "./_components/api-intro";
import type { ReferenceContext } from "./_components/reference-context";
import { TableOfContents } from "./_components/table-of-contents";
import { TagSection } from "./_components/tag-section";
import { apiBaseUrl } from "./_lib/curl-example";
import { openApiDocument } from "./_lib/openapi";
import { operationsByTag } from "./_lib/operations";
import { typeWords } from "./_lib/type-words";

export const generateMetadata = pageTitle("apiDocs", "metaTitle");

/** Where the document itself can be downloaded; the API serves it next to its calls. */
const DOCUMENT_URL = "/api/v1/openapi.json";

/** The REST Admin API's reference, public like the document it is rendered from, and without client code. */
export default async function ApiDocsPage() {
  const [t, words] = await Promise.all([getTranslations("apiDocs"), typeWords()]);
  const document = openApiDocument(buildOpenApiDocument());
  const context: ReferenceContext = { document, words, baseUrl: apiBaseUrl(document, consoleOrigin()) };
  const sections = operationsByTag(document, t("untagged"));
  return (
    <main
      id="main"
      tabIndex={-1}
      className="focus:outline-none mx-auto max-w-6xl px-4 py-10 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-10"
    >
      <header className="mb-8 flex flex-wrap items-start justify-between gap-6 lg:col-span-2">
        <div className="max-w-2xl">
          <p className="text-sm font-semibold tracking-wider text-blue-700 uppercase dark:text-blue-400">
            Customer Console
          </p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-3 text-slate-700 dark:text-slate-300">{t("lead")}</p>
          <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            {document.info?.version ? (
              <span className="text-slate-600 dark:text-slate-400">
                {t("version", { version: document.info.version })}
              </span>
            ) : null}
            <a
              href={DOCUMENT_URL}
              download="openapi.json"
              className="text-blue-700 underline hover:no-underline dark:text-blue-400"
            >
              {t("download")}
            </a>
          </p>
        </div>
        <LanguageForm />
      </header>
      <div className="mb-10 lg:sticky lg:top-6 lg:mb-0 lg:max-h-[calc(100vh-3rem)] lg:self-start lg:overflow-y-auto">
        <TableOfContents sections={sections} />
      </div>
      <div className="min-w-0 space-y-12">
        <ApiIntro baseUrl={context.baseUrl} />
        {sections.map((section) => (
          <TagSection key={section.id} section={section} context={context} />
        ))}
      </div>
    </main>
  );
}
