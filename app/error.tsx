"use client";

import { useTranslations } from "next-intl";

/** Shown for unexpected errors; the digest lets support find the server log line. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("pages.error");
  return (
    <main
      id="main"
      tabIndex={-1}
      className="focus:outline-none flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center"
    >
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-md text-slate-600 dark:text-slate-400">
        {t("explanation", { reference: error.digest ?? t("unknownReference") })}
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-blue-600 px-3.5 py-2 text-sm font-medium text-white"
      >
        {t("tryAgain")}
      </button>
    </main>
  );
}
