import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass, Card, EmptyState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatBytes, formatDate } from "@/lib/format";
import { serverApi } from "@/server/caller";

export const generateMetadata = pageTitle("hosts");

export default async function HostsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [hosts, access] = await Promise.all([
    load(() => api.hosts.list({ teamId })),
    load(() => api.teams.access({ teamId })),
  ]);
  const t = await getTranslations("hosts");
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        {access.permissions.includes("hosts.connect") ? (
          <Link href={`/teams/${teamId}/hosts/connect`} className={buttonClass}>
            {t("connect.open")}
          </Link>
        ) : null}
      </PageHeader>
      {hosts.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
      ) : (
        <div className="space-y-6">
          {hosts.map((host) => (
            <Card key={host.id}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 className="text-base font-semibold">
                    <Link
                      href={`/teams/${teamId}/hosts/${host.id}`}
                      className="text-blue-700 hover:underline dark:text-blue-400"
                    >
                      {host.name}
                    </Link>
                  </h2>
                  <p className="text-sm text-slate-600 dark:text-slate-400">{host.hostname}</p>
                </div>
                <StatusBadge status={host.status} />
              </div>
              <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                {[
                  [t("region"), host.region],
                  [t("computeSize"), host.computeSize],
                  [t("fileMakerServer"), host.filemakerVersion],
                  [t("created"), formatDate(host.createdAt, locale)],
                ].map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
                    <dd className="font-medium">{value}</dd>
                  </div>
                ))}
              </dl>
              <h3 className="mt-5 text-sm font-semibold">{t("customApps")}</h3>
              {host.customApps.length === 0 ? (
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("noCustomApps")}</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
                  {host.customApps.map((app) => (
                    <li key={app.id} className="flex items-center justify-between py-2">
                      <span>{app.name}</span>
                      <span className="flex items-center gap-3">
                        <span className="text-slate-500 dark:text-slate-400">{formatBytes(app.sizeBytes, locale)}</span>
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
