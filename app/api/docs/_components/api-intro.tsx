import { useTranslations } from "next-intl";
import { codeTag } from "./code";
import { INTRO_ID } from "./table-of-contents";

const TOPICS = ["authentication", "baseUrl", "idempotency", "rateLimits", "errors", "paging"] as const;

/** What every call has in common: the key, the base URL, retries, limits, errors and paging. */
export function ApiIntro({ baseUrl }: { baseUrl: string }) {
  const t = useTranslations("apiDocs.intro");
  return (
    <section aria-labelledby={INTRO_ID} className="space-y-4">
      <h2 id={INTRO_ID} className="scroll-mt-6 text-xl font-semibold tracking-tight">
        {t("title")}
      </h2>
      {TOPICS.map((topic) => (
        <div key={topic}>
          <h3 className="text-base font-semibold">{t(`${topic}.title`)}</h3>
          <p className="mt-1 text-sm leading-relaxed text-slate-700 dark:text-slate-300">
            {t.rich(`${topic}.body`, { ...codeTag, baseUrl })}
          </p>
        </div>
      ))}
    </section>
  );
}
