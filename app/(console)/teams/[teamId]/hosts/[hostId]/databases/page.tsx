import { getLocale, getTranslations } from "next-intl/server";
import { Badge, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { formatBytes, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { serverApi } from "@/server/caller";
import { DatabaseActions } from "./database-actions";

const STATUS_TONES = { open: "green", closed: "slate", paused: "amber" } as const;

export default async function HostDatabasesPage({ params }: { params: Promise<{ teamId: string; hostId: string }> }) {
  const { teamId, hostId } = await params;
  const api = await serverApi();
  const [host, access] = await Promise.all([
    load(() => api.hosts.get({ teamId, hostId })),
    load(() => api.teams.access({ teamId })),
  ]);
  const t = await getTranslations("hosts.databases");
  const locale = (await getLocale()) as Locale;
  const canOperate = access.permissions.includes("hosts.operate");
  return (
    <section className="space-y-4">
      <h2 className="text-base font-semibold">{t("title")}</h2>
      {host.databases.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
      ) : (
        <Table
          caption={t("caption")}
          head={[t("name"), t("status"), t("size"), t("clients"), ...(canOperate ? [t("actions")] : [])]}
        >
          {host.databases.map((database) => (
            <tr key={database.id}>
              <Td className="font-medium">
                {database.name}
                {database.encrypted ? (
                  <span className="ml-2 text-xs font-normal text-slate-500 dark:text-slate-400">{t("encrypted")}</span>
                ) : null}
              </Td>
              <Td>
                <Badge tone={STATUS_TONES[database.status]}>{t(`statuses.${database.status}`)}</Badge>
              </Td>
              <Td>{formatBytes(database.sizeBytes, locale)}</Td>
              <Td>{formatNumber(database.clients, locale)}</Td>
              {canOperate ? (
                <Td>
                  <DatabaseActions teamId={teamId} hostId={hostId} database={database} />
                </Td>
              ) : null}
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
