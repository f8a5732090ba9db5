import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import { ConsoleHeader } from "./console-header";

/** The top bar of the person's own pages (profile, notifications, a new team): a way back to their first team. */
export async function AccountHeader() {
  const api = await serverApi();
  const [me, teams] = await Promise.all([load(() => api.account.me()), load(() => api.teams.mine())]);
  const t = await getTranslations("navigation");
  return (
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
  );
}
