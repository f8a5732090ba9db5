import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert } from "@/app/_components/alert";
import { Card, StatusBadge } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDateTime, formatNumber } from "@/lib/format";
import { serverApi } from "@/server/caller";
import { HostActions } from "./_components/host-actions";
import { RemoveServerDialog } from "./remove-server-dialog";
import { uptimeOf } from "./uptime";

export const generateMetadata = pageTitle("hosts.overview");

/** What a host is and how it is doing, at a glance. */
export default async function HostOverviewPage({ params }: { params: Promise<{ teamId: string; hostId: string }> }) {
  const { teamId, hostId } = await params;
  const api = await serverApi();
  const [host, access, t, locale] = await Promise.all([
    load(() => api.hosts.get({ teamId, hostId })),
    load(() => api.teams.access({ teamId })),
    getTranslations("hosts.overview"),
    getLocale(),
  ]);
  const connects = access.permissions.includes("hosts.connect");
  const selfHosted = host.kind === "self_hosted";

  const uptime = () => {
    if (host.status !== "running" || !host.startedAt) return t("notRunning");
    const { days, hours, minutes } = uptimeOf(host.startedAt, new Date());
    if (days > 0) return t("uptimeDays", { days, hours });
    return hours > 0 ? t("uptimeHours", { hours, minutes }) : t("uptimeMinutes", { minutes });
  };
  const facts: Array<[string, ReactNode]> = [
    [
      t("status"),
      <span key="status" className="inline-flex flex-wrap items-center gap-2">
        <StatusBadge status={host.status} />
        <span className="font-normal text-slate-600 dark:text-slate-400">
          {formatDateTime(host.statusSince, locale)}
        </span>
      </span>,
    ],
    [t("kind"), t(`kinds.${host.kind}`)],
    [t("version"), host.filemakerVersion],
    ...(selfHosted
      ? []
      : ([
          [t("region"), host.region],
          [t("size"), host.computeSize],
        ] as Array<[string, ReactNode]>)),
    [t("uptime"), uptime()],
    ...(host.adminApiUrl ? ([[t("adminApiUrl"), host.adminApiUrl]] as Array<[string, ReactNode]>) : []),
    [t("lastChecked"), host.lastPolledAt ? formatDateTime(host.lastPolledAt, locale) : t("neverChecked")],
    [t("clients"), formatNumber(host.liveState?.clients.length ?? 0, locale)],
    [t("databases"), formatNumber(host.databases.length, locale)],
  ];

  return (
    <section aria-labelledby="host-overview" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="host-overview" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <div className="flex flex-wrap gap-2">
          <HostActions
            teamId={teamId}
            host={host}
            connectedClients={host.liveState?.clients.length ?? 0}
            canOperate={access.permissions.includes("hosts.operate")}
          />
          {selfHosted && connects ? <RemoveServerDialog teamId={teamId} hostId={hostId} name={host.name} /> : null}
        </div>
      </div>
      {host.status === "unreachable" && host.lastPollError ? (
        <Alert>{t("lastFailure", { failure: host.lastPollError })}</Alert>
      ) : null}
      <Card>
        <dl className="divide-y divide-slate-100 dark:divide-slate-800">
          {facts.map(([label, value]) => (
            <div key={label} className="grid gap-1 py-2.5 text-sm sm:grid-cols-3">
              <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
              <dd className="font-medium [overflow-wrap:anywhere] sm:col-span-2">{value ?? "—"}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </section>
  );
}
