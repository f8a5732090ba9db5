import type { Metadata } from "next";
import { Card, EmptyState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { formatBytes, formatDate } from "@/app/_lib/format";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";

export const metadata: Metadata = { title: "Hosts" };

export default async function HostsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const hosts = await load(async () => (await serverApi()).hosts.list({ teamId }));
  return (
    <>
      <PageHeader title="Hosts" description="The team's FileMaker Cloud servers and the custom apps they host." />
      {hosts.length === 0 ? (
        <EmptyState title="No hosts yet">Hosts appear here once the platform has provisioned them.</EmptyState>
      ) : (
        <div className="space-y-6">
          {hosts.map((host) => (
            <Card key={host.id}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 className="text-base font-semibold">{host.name}</h2>
                  <p className="text-sm text-slate-600 dark:text-slate-400">{host.hostname}</p>
                </div>
                <StatusBadge status={host.status} />
              </div>
              <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                {[
                  ["Region", host.region],
                  ["Compute size", host.computeSize],
                  ["FileMaker Server", host.filemakerVersion],
                  ["Created", formatDate(host.createdAt)],
                ].map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
                    <dd className="font-medium">{value}</dd>
                  </div>
                ))}
              </dl>
              <h3 className="mt-5 text-sm font-semibold">Custom apps</h3>
              {host.customApps.length === 0 ? (
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No custom apps on this host.</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
                  {host.customApps.map((app) => (
                    <li key={app.id} className="flex items-center justify-between py-2">
                      <span>{app.name}</span>
                      <span className="flex items-center gap-3">
                        <span className="text-slate-500 dark:text-slate-400">{formatBytes(app.sizeBytes)}</span>
                        <StatusBadge status={app.status} />
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
