import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("pages");
  return (
    <main
      id="main"
      tabIndex={-1}
      className="focus:outline-none flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center"
    >
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <p className="text-slate-600 dark:text-slate-400">{t("notFound.explanation")}</p>
      <Link href="/" className="text-blue-700 underline dark:text-blue-400">
        {t("goToTeams")}
      </Link>
    </main>
  );
}
