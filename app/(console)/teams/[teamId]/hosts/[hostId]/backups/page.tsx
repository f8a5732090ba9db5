import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/app/_components/action-button";
import { buttonClass, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { formatBytes, formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { serverApi } from "@/server/caller";
import { backUpNowAction } from "../actions";
import { RestoreDialog } from "./restore-dialog";

export default async function HostBackupsPage({ params }: { params: Promise<{ teamId: string; hostId: string }> }) {
  const { teamId, hostId } = await params;
  const api = await serverApi();
  const [host, access] = await Promise.all([
    load(() => api.hosts.get({ teamId, hostId })),
    load(() => api.teams.access({ teamId })),
  ]);
  const t = await getTranslations("hosts.backups");
  const locale = (await getLocale()) as Locale;
  const canOperate = access.permissions.includes("hosts.operate");
  const live = host.liveState;
  const scheduleName = (id: string | null) =>
    id === null ? t("onDemand") : (live?.schedules.find((schedule) => schedule.id === id)?.name ?? id);
  const backups = [...(live?.backups ?? [])].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 className="text-base font-semibold">{t("title")}</h2>
        {canOperate && live?.backups ? (
          <ActionButton
            action={backUpNowAction}
            fields={{ teamId, hostId }}
            label={t("backUpNow")}
            className={buttonClass}
            formClass="space-y-2 text-right"
          />
        ) : null}
      </div>
      {live === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("notSeen")}</p>
      ) : live.backups === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("notListed")}</p>
      ) : backups.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
      ) : (
        <Table
          caption={t("caption")}
          head={[t("taken"), t("size"), t("databases"), t("schedule"), ...(canOperate ? [t("actions")] : [])]}
        >
          {backups.map((backup) => {
            const taken = formatDateTime(new Date(backup.takenAt), locale);
            return (
              <tr key={backup.id}>
                <Td className="font-medium">{taken}</Td>
                <Td>{formatBytes(backup.sizeBytes, locale)}</Td>
                <Td className="whitespace-normal">
                  {backup.databases.map((database) => database.filename.replace(/\.fmp12$/i, "")).join(", ")}
                </Td>
                <Td>{scheduleName(backup.scheduleId)}</Td>
                {canOperate ? (
                  <Td>
                    {backup.databases.length > 0 ? (
                      <RestoreDialog
                        teamId={teamId}
                        hostId={hostId}
                        backup={{
                          id: backup.id,
                          taken,
                          filenames: backup.databases.map((database) => database.filename),
                        }}
                      />
                    ) : null}
                  </Td>
                ) : null}
              </tr>
            );
          })}
        </Table>
      )}
    </section>
  );
}
