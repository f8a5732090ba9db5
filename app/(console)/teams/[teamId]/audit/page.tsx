import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Field, SelectField } from "@/app/_components/form-parts";
import { EmptyState, PageHeader, secondaryButtonClass, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/caller";
import { type AuditTranslator, actorTypeName, eventName, targetName } from "./catalog-names";
import { type AuditSearch, readAuditFilter } from "./filters";
import { VerifyIntegrityToolbar } from "./verify-integrity-toolbar";

export const generateMetadata = pageTitle("audit");

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<AuditSearch>;
}) {
  const { teamId } = await params;
  const search = await searchParams;
  const { problems, filter, query: filters } = readAuditFilter(search);
  const beforeSeq = Number(search.before);

  const api = await serverApi();
  const [t, locale, access, facets, page] = await Promise.all([
    getTranslations("audit"),
    getLocale(),
    load(() => api.teams.access({ teamId })),
    load(() => api.audit.facets({ teamId })),
    problems.length
      ? Promise.resolve(null)
      : load(() =>
          api.audit.list({
            teamId,
            ...filter,
            beforeSeq: Number.isInteger(beforeSeq) && beforeSeq > 0 ? beforeSeq : undefined,
          }),
        ),
  ]);
  const exportHref = (format: "csv" | "jsonl") =>
    `/teams/${teamId}/audit/export?${new URLSearchParams({ ...filters, format })}`;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <VerifyIntegrityToolbar teamId={teamId}>
        {access.permissions.includes("audit.export") && !problems.length
          ? (["csv", "jsonl"] as const).map((format) => (
              <a key={format} href={exportHref(format)} download className={secondaryButtonClass}>
                {t(`export.${format}`)}
              </a>
            ))
          : null}
      </VerifyIntegrityToolbar>
      <form className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <SelectField name="actor" label={t("filters.actor")} defaultValue={search.actor ?? ""}>
          <option value="">{t("filters.anyone")}</option>
          {facets.actors.map((actor) => (
            <option key={actor} value={actor}>
              {actor}
            </option>
          ))}
        </SelectField>
        <SelectField name="action" label={t("filters.action")} defaultValue={search.action ?? ""}>
          <option value="">{t("filters.anyAction")}</option>
          {facets.actions.map((action) => (
            <option key={action} value={action}>
              {eventName(t, action)}
            </option>
          ))}
        </SelectField>
        <Field name="from" label={t("filters.from")} type="date" defaultValue={search.from} />
        <Field name="to" label={t("filters.to")} type="date" defaultValue={search.to} />
        <div className="flex gap-2">
          <button type="submit" className={secondaryButtonClass}>
            {t("filters.filter")}
          </button>
          {Object.keys(filters).length ? (
            <Link href="?" className={secondaryButtonClass}>
              {t("filters.clear")}
            </Link>
          ) : null}
        </div>
      </form>
      {problems.length ? (
        <div
          role="alert"
          className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {problems.map((problem) => (
            <p key={problem}>{t(`filters.problems.${problem}`)}</p>
          ))}
        </div>
      ) : page && page.events.length === 0 ? (
        <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
      ) : page ? (
        <>
          <Table
            caption={t("table.caption")}
            head={[t("table.time"), t("table.actor"), t("table.action"), t("table.target"), t("table.details")]}
          >
            {page.events.map((event) => (
              <tr key={event.id}>
                <Td>{formatDateTime(event.occurredAt, locale)}</Td>
                <Td>
                  {event.actorLabel}
                  {event.actorType !== "account" ? (
                    <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">
                      ({actorTypeName(t, event.actorType)})
                    </span>
                  ) : null}
                </Td>
                <Td className="font-medium">{eventName(t, event.action)}</Td>
                <Td>{event.targetType ? targetName(t, event.targetType) : "—"}</Td>
                <Td className="min-w-72 whitespace-normal break-words text-xs text-slate-600 dark:text-slate-400">
                  <EventDetails t={t} before={event.before} after={event.after} />
                </Td>
              </tr>
            ))}
          </Table>
          <div className="mt-4 flex gap-2">
            {search.before ? (
              <Link href={`?${new URLSearchParams(filters)}`} className={secondaryButtonClass}>
                {t("newer")}
              </Link>
            ) : null}
            {page.nextBeforeSeq ? (
              <Link
                href={`?${new URLSearchParams({ ...filters, before: String(page.nextBeforeSeq) })}`}
                className={secondaryButtonClass}
              >
                {t("older")}
              </Link>
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
}

function EventDetails({ t, before, after }: { t: AuditTranslator; before: unknown; after: unknown }) {
  const describeValue = (value: unknown) =>
    value && typeof value === "object"
      ? Object.entries(value as Record<string, unknown>)
          .map(([key, v]) => `${key}: ${detailValue(t, v)}`)
          .join(", ")
      : null;
  const was = describeValue(before);
  const now = describeValue(after);
  return (
    <>
      {was ? <span className="block">{t("details.before", { values: was })}</span> : null}
      {now ? <span className="block">{was ? t("details.after", { values: now }) : now}</span> : null}
      {!was && !now ? "—" : null}
    </>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids shortened to their first block; lists shown whole when short. */
function detailValue(t: AuditTranslator, value: unknown): string {
  if (Array.isArray(value))
    return value.length <= 3
      ? `[${value.map((item) => detailValue(t, item)).join(", ")}]`
      : t("details.entries", { count: value.length });
  if (typeof value === "string" && UUID.test(value)) return `${value.slice(0, 8)}…`;
  if (value && typeof value === "object") return JSON.stringify(value);
  return String(value);
}
