import type { Metadata } from "next";
import { Card, EmptyState, Meter, PageHeader, StatusBadge } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import { productName } from "@/server/permissions";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const home = await load(async () => (await serverApi()).teams.home({ teamId }));
  const fileMaker = home.team.product === "filemaker_cloud";
  return (
    <>
      <PageHeader title={home.team.name} description={productName(home.team.product)}>
        <StatusBadge status={home.team.status} />
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        {home.seats ? (
          <Card title="Licences">
            <Meter label="Seats used" used={home.seats.used} total={home.seats.total} />
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              {Math.max(home.seats.total - home.seats.used, 0)} licences available.
            </p>
          </Card>
        ) : null}
        {fileMaker ? (
          <Card title="Hosts" className="lg:col-span-2">
            {home.hosts.length === 0 ? (
              <EmptyState title="No hosts to show">
                Hosts appear here once the platform has provisioned them.
              </EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label="Hosts">
                {home.hosts.map((host) => (
                  <li key={host.id} className="flex items-center justify-between py-2.5">
                    <div>
                      <p className="font-medium">{host.name}</p>
                      <p className="text-xs text-slate-500 dark:text-slate-400">
                        {host.hostname} · {host.region} · FileMaker Server {host.filemakerVersion}
                      </p>
                    </div>
                    <StatusBadge status={host.status} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : (
          <Card title="Claris Connect" className="lg:col-span-2">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              This team integrates apps with Claris Connect flows. It has no hosts or custom apps, and its users need no
              licence of their own.
            </p>
          </Card>
        )}
      </div>
      {fileMaker ? (
        <Card title="Your custom apps" className="mt-6">
          {home.customApps.length === 0 ? (
            <EmptyState title="No custom apps for you yet">
              A team manager gives access to custom apps by adding you to a group that may use them.
            </EmptyState>
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Custom apps">
              {home.customApps.map((app) => (
                <li key={app.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
                  <div className="flex items-center justify-between gap-2">
                    <p className="font-medium">{app.name}</p>
                    <StatusBadge status={app.status} />
                  </div>
                  <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">on {app.hostName}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </>
  );
}
