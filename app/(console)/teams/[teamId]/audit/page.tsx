import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, inputClass, PageHeader, secondaryButtonClass, Table, Td } from "@/app/_components/ui";
import { formatDateTime, humanise } from "@/app/_lib/format";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import { type AuditSearch, readAuditFilter } from "./filters";
import { VerifyIntegrityToolbar } from "./verify-integrity-toolbar";

export const metadata: Metadata = { title: "Audit log" };

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
  const [access, facets, page] = await Promise.all([
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
      <PageHeader title="Audit log" description="Every change in this team and every support view, newest first." />
      <VerifyIntegrityToolbar teamId={teamId}>
        {access.permissions.includes("audit.export") && !problems.length ? (
          <>
            <a href={exportHref("csv")} download className={secondaryButtonClass}>
              Export CSV
            </a>
            <a href={exportHref("jsonl")} download className={secondaryButtonClass}>
              Export JSON Lines
            </a>
          </>
        ) : null}
      </VerifyIntegrityToolbar>
      <form className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <div>
          <label htmlFor="audit-actor" className="mb-1 block text-sm font-medium">
            Actor
          </label>
          <select id="audit-actor" name="actor" defaultValue={search.actor ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {facets.actors.map((actor) => (
              <option key={actor} value={actor}>
                {actor}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action" className="mb-1 block text-sm font-medium">
            Action
          </label>
          <select id="audit-action" name="action" defaultValue={search.action ?? ""} className={inputClass}>
            <option value="">Any action</option>
            {facets.actions.map((action) => (
              <option key={action} value={action}>
                {humanise(action)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="mb-1 block text-sm font-medium">
            From
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={search.from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-to" className="mb-1 block text-sm font-medium">
            To
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={search.to} className={inputClass} />
        </div>
        <div className="flex gap-2">
          <button type="submit" className={secondaryButtonClass}>
            Filter
          </button>
          {Object.keys(filters).length ? (
            <Link href="?" className={secondaryButtonClass}>
              Clear
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
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : page && page.events.length === 0 ? (
        <EmptyState title="No events match these filters">Widen the date range or clear the filters.</EmptyState>
      ) : page ? (
        <>
          <Table caption="Audit events" head={["Time (UTC)", "Actor", "Action", "Target", "Details"]}>
            {page.events.map((event) => (
              <tr key={event.id}>
                <Td>{formatDateTime(event.occurredAt)}</Td>
                <Td>
                  {event.actorLabel}
                  {event.actorType !== "account" ? (
                    <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">({event.actorType})</span>
                  ) : null}
                </Td>
                <Td className="font-medium">{humanise(event.action)}</Td>
                <Td>{event.targetType ? humanise(event.targetType) : "—"}</Td>
                <Td className="min-w-72 whitespace-normal break-words text-xs text-slate-600 dark:text-slate-400">
                  <EventDetails before={event.before} after={event.after} />
                </Td>
              </tr>
            ))}
          </Table>
          <div className="mt-4 flex gap-2">
            {search.before ? (
              <Link href={`?${new URLSearchParams(filters)}`} className={secondaryButtonClass}>
                Newest events
              </Link>
            ) : null}
            {page.nextBeforeSeq ? (
              <Link
                href={`?${new URLSearchParams({ ...filters, before: String(page.nextBeforeSeq) })}`}
                className={secondaryButtonClass}
              >
                Older events
              </Link>
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
}

function EventDetails({ before, after }: { before: unknown; after: unknown }) {
  const describeValue = (value: unknown) =>
    value && typeof value === "object"
      ? Object.entries(value as Record<string, unknown>)
          .map(([key, v]) => `${key}: ${detailValue(v)}`)
          .join(", ")
      : null;
  const was = describeValue(before);
  const now = describeValue(after);
  return (
    <>
      {was ? <span className="block">Before: {was}</span> : null}
      {now ? (
        <span className="block">
          {was ? "After: " : ""}
          {now}
        </span>
      ) : null}
      {!was && !now ? "—" : null}
    </>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids shortened to their first block; lists shown whole when short. */
function detailValue(value: unknown): string {
  if (Array.isArray(value))
    return value.length <= 3 ? `[${value.map(detailValue).join(", ")}]` : `${value.length} entries`;
  if (typeof value === "string" && UUID.test(value)) return `${value.slice(0, 8)}…`;
  if (value && typeof value === "object") return JSON.stringify(value);
  return String(value);
}
