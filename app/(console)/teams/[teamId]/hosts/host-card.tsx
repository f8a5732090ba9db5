import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, StatusBadge, Table, Td } from "@/app/_components/ui";
import { formatBytes, formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { listHosts } from "@/server/hosts/list-hosts";
import { ManageAccessDialog, ShareAppDialog } from "./app-dialogs";

type Host = Awaited<ReturnType<typeof listHosts>>[number];

/** What the page lets the viewer do with custom apps: null for those who only look. */
export interface AppActions {
  teamGroups: Array<{ id: string; name: string }>;
  /** Null when the viewer may not invite people, so cannot share. */
  licencesLeft: number | null;
}

/** One host: its live status, what it is and runs, and its custom apps with the groups that may use them. */
export async function HostCard({
  teamId,
  host,
  locale,
  actions,
}: {
  teamId: string;
  host: Host;
  locale: Locale;
  actions: AppActions | null;
}) {
  const t = await getTranslations("hosts");
  const facts: Array<[string, string]> = [
    [t("list.kind"), t(`list.kinds.${host.kind}`)],
    [t("fileMakerServer"), host.filemakerVersion],
    ...(host.kind === "cloud" && host.region ? [[t("region"), host.region] as [string, string]] : []),
    ...(host.kind === "cloud" && host.computeSize ? [[t("computeSize"), host.computeSize] as [string, string]] : []),
    [t("list.lastChecked"), host.lastPolledAt ? formatDateTime(host.lastPolledAt, locale) : t("list.neverChecked")],
  ];
  return (
    <Card>
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
        <div className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <StatusBadge status={host.status} />
          <span>{t("list.since", { time: formatDateTime(host.statusSince, locale) })}</span>
        </div>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-5">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mb-2 mt-5 text-sm font-semibold">{t("customApps")}</h3>
      {host.customApps.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("noCustomApps")}</p>
      ) : (
        <Table
          caption={t("list.appsCaption", { host: host.name })}
          head={[t("list.appName"), t("list.appStatus"), t("list.appSize"), t("list.appGroups"), ""]}
        >
          {host.customApps.map((app) => {
            const shown = { id: app.id, name: app.name, hostName: host.name, groups: app.groups };
            return (
              <tr key={app.id}>
                <Td className="font-medium">{app.name}</Td>
                <Td>
                  <StatusBadge status={app.status} />
                </Td>
                <Td>{formatBytes(app.sizeBytes, locale)}</Td>
                <Td className="whitespace-normal">
                  {app.groups.length > 0 ? (
                    app.groups.map((g) => g.name).join(", ")
                  ) : (
                    <span className="text-slate-600 dark:text-slate-400">{t("list.noGroups")}</span>
                  )}
                </Td>
                <Td>
                  {actions ? (
                    <div className="flex justify-end gap-2">
                      <ManageAccessDialog teamId={teamId} app={shown} teamGroups={actions.teamGroups} />
                      {actions.licencesLeft !== null ? (
                        <ShareAppDialog
                          teamId={teamId}
                          app={shown}
                          teamGroups={actions.teamGroups}
                          licencesLeft={actions.licencesLeft}
                        />
                      ) : null}
                    </div>
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </Table>
      )}
    </Card>
  );
}
