import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { load } from "@/app/_lib/load";
import { formatDate } from "@/lib/format";
import { serverApi } from "@/server/caller";

/** On every page of a terminated team: the days left before its content is deleted. */
export async function TerminatedBanner({ teamId, canRenew }: { teamId: string; canRenew: boolean }) {
  const retention = await load(async () => (await serverApi()).subscription.retention({ teamId }));
  if (!retention) return null;
  const t = await getTranslations("team.terminated");
  const locale = await getLocale();
  return (
    <section
      aria-label={t("title")}
      className="mb-6 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{t("daysLeft", { days: retention.daysLeft })}</p>
      <p className="mt-1">
        {t("downloadUntil", { date: formatDate(retention.purgeAt, locale) })}{" "}
        {canRenew ? (
          <Link href={`/teams/${teamId}/subscription`} className="font-medium underline">
            {t("renew")}
          </Link>
        ) : (
          t("askOwner")
        )}
      </p>
    </section>
  );
}
