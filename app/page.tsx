import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import { SignOutButton } from "./_components/sign-out-button";
import { buttonClass } from "./_components/ui";

/** Opens the first team of the account; someone in no team is told how to get into one. */
export default async function StartPage() {
  const api = await serverApi();
  const [me, teams, staff] = await Promise.all([
    load(() => api.account.me()),
    load(() => api.teams.mine()),
    load(() => api.account.staff()),
  ]);
  const first = teams[0];
  if (first) redirect(`/teams/${first.id}/home`);
  if (staff) redirect("/support");
  const [t, navigation] = await Promise.all([getTranslations("auth.start"), getTranslations("navigation")]);
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">{t("noTeam")}</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("askManager", { email: me.email })}</p>
        <div className="mt-6 flex items-center justify-center gap-4">
          <Link href="/teams/new" className={buttonClass}>
            {navigation("createTeam")}
          </Link>
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
