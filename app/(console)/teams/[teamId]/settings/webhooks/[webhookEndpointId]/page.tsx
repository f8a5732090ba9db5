import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, FactList, PageHeader, Table, Td, type Tone } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/caller";
import { EndpointStatus } from "../endpoint-status";
import { eventTypeGroups } from "../event-type-groups";
import { DeliveryLogRefresher } from "./delivery-log-refresher";
import {
  DeleteEndpointDialog,
  EditEndpointForm,
  EndpointSwitches,
  ResendButton,
  RotateSecretDialog,
} from "./endpoint-controls";

type Params = Promise<{ teamId: string; webhookEndpointId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { teamId, webhookEndpointId } = await params;
  const endpoint = await (await serverApi()).webhooks.get({ teamId, webhookEndpointId }).catch(() => null);
  return { title: endpoint?.url ?? (await getTranslations("webhooks"))("title") };
}

const STATE_TONES: Record<string, Tone> = { pending: "blue", delivered: "green", retrying: "amber", failed: "red" };
/** A delivery due within this long keeps the log refreshing, so its outcome shows without a reload. */
const SOON_MS = 60_000;

/** One endpoint: its settings, its secret's state, its controls, and its delivery log, paged. */
export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ page?: string }>;
}) {
  const { teamId, webhookEndpointId } = await params;
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  const api = await serverApi();
  const [t, locale, access, endpoint, log] = await Promise.all([
    getTranslations("webhooks"),
    getLocale(),
    load(() => api.teams.access({ teamId })),
    load(() => api.webhooks.get({ teamId, webhookEndpointId })),
    load(() => api.webhooks.deliveries({ teamId, webhookEndpointId, page })),
  ]);
  const manage = access.permissions.includes("webhooks.manage");
  const ref = { teamId, webhookEndpointId };
  const when = (date: Date) => formatDateTime(date, locale);
  const typeName = (type: string) =>
    t.has(`types.${type}` as "types.member.invited") ? t(`types.${type}` as "types.member.invited") : type;
  const now = Date.now();
  const busy = log.deliveries.some(
    (d) =>
      (d.status === "pending" || d.status === "retrying") &&
      d.nextAttemptAt &&
      d.nextAttemptAt.getTime() - now < SOON_MS,
  );
  const events = endpoint.eventTypes.includes("*")
    ? t("table.allEvents")
    : endpoint.eventTypes.map((type) => typeName(type)).join(", ");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}/settings/webhooks`} className="text-blue-700 hover:underline dark:text-blue-400">
          {t("backToWebhooks")}
        </Link>
      </p>
      <PageHeader title={endpoint.description || t("endpoint.card")} description={endpoint.url}>
        <EndpointStatus enabled={endpoint.enabled} disabledReason={endpoint.disabledReason} />
      </PageHeader>
      <div className="space-y-6">
        {!endpoint.enabled ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {endpoint.disabledReason === "failing" ? t("status.failingHint") : t("endpoint.disabledHint")}
          </p>
        ) : endpoint.failingSince ? (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            {t("status.failingSince", { since: when(endpoint.failingSince) })}
          </p>
        ) : null}
        {manage ? (
          <Card title={t("endpoint.controls")}>
            <div className="flex flex-wrap items-start justify-between gap-4">
              <EndpointSwitches endpoint={ref} enabled={endpoint.enabled} />
              <DeleteEndpointDialog endpoint={ref} url={endpoint.url} />
            </div>
          </Card>
        ) : null}
        <Card title={t("log.title")}>
          <DeliveryLogRefresher active={busy} />
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t("log.description")}</p>
          {log.deliveries.length === 0 ? (
            <EmptyState title={t("log.empty")}>{t("log.emptyHint")}</EmptyState>
          ) : (
            <Table
              caption={t("log.caption")}
              head={[
                t("log.event"),
                t("log.status"),
                t("log.httpStatus"),
                t("log.responseTime"),
                t("log.attempts"),
                t("log.time"),
                ...(manage ? [t("log.actions")] : []),
              ]}
            >
              {log.deliveries.map((delivery) => (
                <tr key={delivery.id} className="align-top">
                  <Td>
                    {typeName(delivery.eventType)}
                    <code className="block text-xs text-slate-600 dark:text-slate-400">{delivery.eventType}</code>
                  </Td>
                  <Td className="whitespace-normal">
                    <Badge tone={STATE_TONES[delivery.status]}>{t(`log.states.${delivery.status}`)}</Badge>
                    {delivery.lastError && delivery.status !== "delivered" ? (
                      <span className="mt-1 block w-44 text-xs text-slate-600 dark:text-slate-400">
                        {t(`log.errors.${delivery.lastError}` as "log.errors.network")}
                      </span>
                    ) : null}
                    {delivery.nextAttemptAt && delivery.status === "retrying" ? (
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {t("log.nextAttempt", { at: when(delivery.nextAttemptAt) })}
                      </span>
                    ) : null}
                  </Td>
                  <Td>{delivery.lastHttpStatus ?? t("log.none")}</Td>
                  <Td>
                    {delivery.lastResponseMs === null ? t("log.none") : t("log.ms", { ms: delivery.lastResponseMs })}
                  </Td>
                  <Td>{delivery.attempts}</Td>
                  <Td>{when(delivery.lastAttemptAt ?? delivery.createdAt)}</Td>
                  {manage ? (
                    <Td>
                      {endpoint.enabled ? (
                        <ResendButton
                          endpoint={ref}
                          webhookDeliveryId={delivery.id}
                          label={t("log.resendLabel", {
                            event: delivery.eventType,
                            time: when(delivery.createdAt),
                          })}
                        />
                      ) : null}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </Table>
          )}
          {page > 1 || log.hasOlder ? (
            <nav className="mt-3 flex gap-4 text-sm" aria-label={t("log.caption")}>
              {page > 1 ? (
                <Link href={`?page=${page - 1}`} className="text-blue-700 hover:underline dark:text-blue-400">
                  {t("log.newer")}
                </Link>
              ) : null}
              {log.hasOlder ? (
                <Link href={`?page=${page + 1}`} className="text-blue-700 hover:underline dark:text-blue-400">
                  {t("log.older")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </Card>
        <Card title={t("endpoint.card")}>
          {manage ? (
            <EditEndpointForm
              endpoint={ref}
              groups={eventTypeGroups()}
              url={endpoint.url}
              description={endpoint.description}
              eventTypes={endpoint.eventTypes}
            />
          ) : (
            <FactList
              facts={[
                [
                  t("form.url"),
                  <span key="url" className="break-all">
                    {endpoint.url}
                  </span>,
                ],
                [t("form.events"), events],
              ]}
            />
          )}
        </Card>
        {manage ? (
          <Card title={t("endpoint.secretCard")}>
            <p className="mb-3 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("endpoint.secretExplained")}</p>
            {endpoint.previousSecretSignsUntil ? (
              <p className="mb-3 text-sm">
                {t("endpoint.previousSigns", { until: when(endpoint.previousSecretSignsUntil) })}
              </p>
            ) : null}
            <RotateSecretDialog endpoint={ref} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
