import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/app/_components/action-button";
import { smallButtonClass, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { serverApi } from "@/server/caller";
import { disableScheduleAction, enableScheduleAction, runScheduleAction } from "../actions";

export default async function HostSchedulesPage({ params }: { params: Promise<{ teamId: string; hostId: string }> }) {
  const { teamId, hostId } = await params;
  const api = await serverApi();
  const [host, access] = await Promise.all([
    load(() => api.hosts.get({ teamId, hostId })),
    load(() => api.teams.access({ teamId })),
  ]);
  const t = await getTranslations("hosts.schedules");
  const locale = (await getLocale()) as Locale;
  const canOperate = access.permissions.includes("hosts.operate");
  const schedules = host.liveState?.schedules ?? [];
  const when = (value: string | null, none: string) => (value ? formatDateTime(new Date(value), locale) : none);
  return (
    <section className="space-y-4">
      <h2 className="text-base font-semibold">{t("title")}</h2>
      {host.liveState === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("notSeen")}</p>
      ) : schedules.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
      ) : (
        <Table
          caption={t("caption")}
          head={[t("name"), t("type"), t("lastRun"), t("nextRun"), t("enabled"), ...(canOperate ? [t("actions")] : [])]}
        >
          {schedules.map((schedule) => {
            const fields = { teamId, hostId, scheduleId: schedule.id };
            return (
              <tr key={schedule.id}>
                <Td className="font-medium">{schedule.name}</Td>
                <Td>{schedule.taskType}</Td>
                <Td>{when(schedule.lastRun, t("never"))}</Td>
                <Td>{when(schedule.nextRun, t("notPlanned"))}</Td>
                <Td>{schedule.enabled ? t("yes") : t("no")}</Td>
                {canOperate ? (
                  <Td>
                    <div className="flex flex-wrap items-start gap-2">
                      <ActionButton
                        action={runScheduleAction}
                        fields={fields}
                        label={t("runNow")}
                        className={smallButtonClass}
                      />
                      <ActionButton
                        action={schedule.enabled ? disableScheduleAction : enableScheduleAction}
                        fields={fields}
                        label={schedule.enabled ? t("disable") : t("enable")}
                        className={smallButtonClass}
                      />
                    </div>
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
