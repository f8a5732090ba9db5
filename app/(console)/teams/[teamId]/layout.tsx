import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleHeader } from "@/app/_components/console-header";
import { ConsoleNav } from "@/app/_components/console-nav";
import { SupportBanner } from "@/app/_components/support-banner";
import { TeamSwitcher } from "@/app/_components/team-switcher";
import { load } from "@/app/_lib/load";
import { teamNavigation } from "@/app/_lib/team-navigation";
import { serverApi } from "@/server/caller";
import { productName } from "@/server/permissions";
import { OwnershipOffer } from "./ownership-offer";
import { TerminatedBanner } from "./terminated-banner";

export default async function TeamLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ teamId: string }>;
}) {
  const { teamId } = await params;
  const api = await serverApi();
  const access = await load(() =>
    api.teams.access({ teamId }).catch(async (error: unknown) => {
      // Staff whose read-only view has ended (time up, grant revoked) go back to the staff console.
      const notFound = error instanceof TRPCError && error.code === "NOT_FOUND";
      if (notFound && (await api.account.staff().catch(() => null))) redirect("/support?ended=1");
      throw error;
    }),
  );
  const [me, teams, ownershipOffer] = await Promise.all([
    load(() => api.account.me()),
    load(() => api.teams.mine()),
    load(() => api.members.ownershipTransfer({ teamId })),
  ]);
  const current = { id: access.team.id, name: access.team.name, productName: productName(access.team.product) };
  // Support views one team only; its own teams stay out of that view.
  const switcherTeams = access.support
    ? [current]
    : teams.map((team) => ({ id: team.id, name: team.name, productName: productName(team.product) }));
  return (
    <div className="min-h-screen">
      {access.support ? (
        <SupportBanner
          teamId={access.team.id}
          teamName={access.team.name}
          endsAt={access.support.endsAt}
          viewingAs={access.support.viewingAs}
        />
      ) : null}
      <ConsoleHeader me={me} notifications={!access.support}>
        <TeamSwitcher current={current} teams={switcherTeams} canCreate={!access.support} />
      </ConsoleHeader>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <ConsoleNav items={await teamNavigation(access.team.id, access.permissions)} />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {access.team.status === "terminated" ? (
            <TerminatedBanner teamId={access.team.id} canRenew={access.permissions.includes("subscription.change")} />
          ) : null}
          {ownershipOffer ? (
            <OwnershipOffer teamId={access.team.id} teamName={access.team.name} offer={ownershipOffer} />
          ) : null}
          {children}
        </main>
      </div>
    </div>
  );
}
