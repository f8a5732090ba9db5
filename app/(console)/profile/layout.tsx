import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ConsoleHeader } from "@/app/_components/console-header";
import { ConsoleNav } from "@/app/_components/console-nav";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";

/** The account's own pages: they belong to the person, not to a team. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
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
      <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <ConsoleNav
            name="account"
            items={[
              { section: "profile", href: "/profile" },
              { section: "security", href: "/profile/security" },
            ]}
          />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
