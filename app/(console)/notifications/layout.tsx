import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ConsoleHeader } from "@/app/_components/console-header";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";

/** The person's own notifications, from every team: a page of the account, not of one team. */
export default async function NotificationsLayout({ children }: { children: ReactNode }) {
  const api = await serverApi();
  const [me, teams] = await Promise.all([load(() => api.account.me()), load(() => api.teams.mine())]);
  const t = await getTranslations("navigation");
  return (
    <div className="min-h-screen">
      <ConsoleHeader me={me}>
        {teams[0] ? (
          <Link
            href={`/teams/${teams[0].id}/home`}
            className="text-sm text-slate-600 hover:underline dark:text-slate-300"
          >
            {t("backTo", { team: teams[0].name })}
          </Link>
        ) : null}
      </ConsoleHeader>
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
