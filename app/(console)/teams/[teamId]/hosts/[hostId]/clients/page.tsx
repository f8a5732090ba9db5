import { getLocale, getTranslations } from "next-intl/server";
import { Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { serverApi } from "@/server/caller";
import { ClientDialogs } from "./client-dialogs";

export default async function HostClientsPage({ params }: { params: Promise<{ teamId: string; hostId: string }> }) {
  const { teamId, hostId } = await params;
  const api = await serverApi();
  const [host, access] = await Promise.all([
    load(() => api.hosts.get({ teamId, hostId })),
    load(() => api.teams.access({ teamId })),
  ]);
  const t = await getTranslations("hosts.clients");
  const locale = (await getLocale()) as Locale;
  const canOperate = access.permissions.includes("hosts.operate");
  const clients = host.liveState?.clients ?? [];
  return (
    <section className="space-y-4">
      <h2 className="text-base font-semibold">{t("title")}</h2>
      {host.liveState === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("notSeen")}</p>
      ) : clients.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
      ) : (
        <Table
          caption={t("caption")}
          head={[
            t("user"),
            t("computer"),
            t("app"),
            t("database"),
            t("connectedSince"),
            ...(canOperate ? [t("actions")] : []),
          ]}
        >
          {clients.map((client) => (
            <tr key={client.id}>
              <Td className="font-medium">{client.userName}</Td>
              <Td>{client.computerName}</Td>
              <Td>{client.appType}</Td>
              <Td>{client.filenames.join(", ")}</Td>
              <Td>{formatDateTime(new Date(client.connectedAt), locale)}</Td>
              {canOperate ? (
                <Td>
                  <ClientDialogs teamId={teamId} hostId={hostId} client={client} />
                </Td>
              ) : null}
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
