import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState, PageHeader, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDate } from "@/lib/format";
import { serverApi } from "@/server/caller";
import { AddEndpointDialog } from "./add-endpoint-dialog";
import { EndpointStatus } from "./endpoint-status";
import { eventTypeGroups } from "./event-type-groups";

export const generateMetadata = pageTitle("webhooks");

/** The team's webhook endpoints: where events go, which, and whether sending works; managers add them. */
export default async function WebhooksPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [t, locale, access, endpoints] = await Promise.all([
    getTranslations("webhooks"),
    getLocale(),
    load(() => api.teams.access({ teamId })),
    load(() => api.webhooks.list({ teamId })),
  ]);
  const manage = access.permissions.includes("webhooks.manage");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}/settings`} className="text-blue-700 hover:underline dark:text-blue-400">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title")} description={t("description")}>
        {manage ? <AddEndpointDialog teamId={teamId} groups={eventTypeGroups()} /> : null}
      </PageHeader>
      <p className="mb-4 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("signing")}</p>
      {endpoints.length === 0 ? (
        <EmptyState title={t("empty")}>{manage ? t("emptyHint") : t("emptyHintReadOnly")}</EmptyState>
      ) : (
        <Table
          caption={t("table.caption")}
          head={[t("table.url"), t("table.events"), t("table.status"), t("table.created")]}
        >
          {endpoints.map((endpoint) => (
            <tr key={endpoint.id} className="align-top">
              <Td className="whitespace-normal">
                <Link
                  href={`/teams/${teamId}/settings/webhooks/${endpoint.id}`}
                  className="font-medium break-all text-blue-700 hover:underline dark:text-blue-400"
                >
                  {endpoint.url}
                </Link>
                {endpoint.description ? (
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{endpoint.description}</span>
                ) : null}
              </Td>
              <Td>
                {endpoint.eventTypes.includes("*")
                  ? t("table.allEvents")
                  : t("table.eventCount", { count: endpoint.eventTypes.length })}
              </Td>
              <Td>
                <EndpointStatus enabled={endpoint.enabled} disabledReason={endpoint.disabledReason} />
              </Td>
              <Td>{formatDate(endpoint.createdAt, locale)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
