import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/app/_components/alert";
import { Card, EmptyState, Meter, PageHeader, StatusBadge } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { serverApi } from "@/server/caller";
import { productName } from "@/server/permissions";
import { ConnectUsageCard } from "./connect-usage-card";

export const generateMetadata = pageTitle("home");

export default async function HomePage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [home, access] = await Promise.all([
    load(() => api.teams.home({ teamId })),
    load(() => api.teams.access({ teamId })),
  ]);
  const connectUsage = access.permissions.includes("connectUsage.read")
    ? await load(() => api.connectUsage.overview({ teamId }))
    : null;
  const canPay = access.permissions.includes("subscription.change");
  const t = await getTranslations("home");
  const locale = (await getLocale()) as Locale;
  const status = await getTranslations("navigation.status");
  const fileMaker = home.team.product === "filemaker_cloud";
  return (
    <>
      <PageHeader title={home.team.name} description={productName(home.team.product)}>
        <StatusBadge status={home.team.status} />
      </PageHeader>
      {home.flowsSuspendedSince ? (
        <div className="mb-6">
          <Alert>
            <strong>{t("flowsSuspended")}</strong>{" "}
            {t("flowsSuspendedText", { since: formatDate(home.flowsSuspendedSince, locale) })}
          </Alert>
        </div>
      ) : null}
      {home.trialEndsAt ? (
        <Card title={t("trial.title")} className="mb-6">
          <p className="text-sm">{t("trial.endsOn", { date: home.trialEndsAt })}</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {canPay ? (
              <Link href={`/teams/${teamId}/subscription`} className="text-blue-700 hover:underline dark:text-blue-400">
                {t("trial.keep")}
              </Link>
            ) : (
              t("trial.askOwner")
            )}
          </p>
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        {home.seats ? (
          <Card title={t("licences")}>
            <Meter label={t("seatsUsed")} used={home.seats.used} total={home.seats.total} />
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              {t("licencesAvailable", { count: Math.max(home.seats.total - home.seats.used, 0) })}
            </p>
          </Card>
        ) : null}
        {fileMaker ? (
          <Card title={t("hosts")} className="lg:col-span-2">
            {home.hosts.length === 0 ? (
              <EmptyState title={t("noHostsTitle")}>{t("noHostsText")}</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label={t("hosts")}>
                {home.hosts.map((host) => (
                  <li key={host.id} className="flex items-center justify-between py-2.5">
                    <div>
                      <p className="font-medium">{host.name}</p>
                      <p className="text-xs text-slate-500 dark:text-slate-400">
                        {t("hostDetails", {
                          hostname: host.hostname,
                          region: host.region ?? t("selfHosted"),
                          version: host.filemakerVersion,
                        })}
                      </p>
                    </div>
                    <StatusBadge status={host.status} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : connectUsage ? (
          <ConnectUsageCard teamId={teamId} usage={connectUsage} />
        ) : (
          <Card title={t("connectTitle")} className="lg:col-span-2">
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("connectText")}</p>
          </Card>
        )}
      </div>
      {fileMaker ? (
        <Card title={t("customApps")} className="mt-6">
          {home.customApps.length === 0 ? (
            <EmptyState title={t("noCustomAppsTitle")}>{t("noCustomAppsText")}</EmptyState>
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("customAppsList")}>
              {home.customApps.map((app) => (
                <li key={app.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
                  <div className="flex items-center justify-between gap-2">
                    <p className="font-medium">{app.name}</p>
                    <StatusBadge status={app.status} />
                  </div>
                  <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                    {/* An open app on a host that is not running cannot be used: say so beside it. */}
                    {app.hostStatus === "running"
                      ? t("onHost", { host: app.hostName })
                      : t("onHostWithStatus", { host: app.hostName, hostStatus: status(app.hostStatus).toLowerCase() })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </>
  );
}
