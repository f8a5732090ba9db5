import type { ReactNode } from "react";
import { ConsoleNav } from "@/app/_components/console-nav";
import { ProfileMenu } from "@/app/_components/profile-menu";
import { TeamSwitcher } from "@/app/_components/team-switcher";
import { load } from "@/app/_lib/load";
import { teamNavigation } from "@/app/_lib/team-navigation";
import { serverApi } from "@/server/caller";
import { productName } from "@/server/permissions";
import { TerminatedBanner } from "./terminated-banner";

export default async function TeamLayout({ children, params }: { children: ReactNode; params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [me, teams, access] = await Promise.all([
    load(() => api.account.me()),
    load(() => api.teams.mine()),
    load(() => api.teams.access({ teamId })),
  ]);
  const switcherTeams = teams.map((team) => ({ id: team.id, name: team.name, productName: productName(team.product) }));
  const current = { id: access.team.id, name: access.team.name, productName: productName(access.team.product) };
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4">
          <div className="flex items-center gap-4">
            <span className="hidden text-sm font-semibold text-blue-700 sm:inline dark:text-blue-400">Customer Console</span>
            <TeamSwitcher current={current} teams={switcherTeams} />
          </div>
          <ProfileMenu name={me.name} email={me.email} />
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <ConsoleNav items={teamNavigation(access.team.id, access.permissions)} />
        </aside>
        <main className="min-w-0 flex-1">
          {access.team.status === "terminated" ? <TerminatedBanner teamId={access.team.id} canRenew={access.permissions.includes("subscription.change")} /> : null}
          {children}
        </main>
      </div>
    </div>
  );
}
