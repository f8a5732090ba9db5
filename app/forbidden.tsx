import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessRefused } from "./_components/ui";

export default async function Forbidden() {
  const t = await getTranslations("pages");
  return (
    <main
      id="main"
      tabIndex={-1}
      className="focus:outline-none flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center"
    >
      <AccessRefused />
      <Link href="/" className="text-blue-700 underline dark:text-blue-400">
        {t("goToTeams")}
      </Link>
    </main>
  );
}
