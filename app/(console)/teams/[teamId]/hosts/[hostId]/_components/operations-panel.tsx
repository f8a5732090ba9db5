import { getLocale, getTranslations } from "next-intl/server";
import { Badge, Card, type Tone } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { serverApi } from "@/server/caller";
import { OperationsRefresher } from "./operations-refresher";

const STATUS_TONES: Record<string, Tone> = { queued: "slate", running: "blue", succeeded: "green", failed: "red" };

type Operation = Awaited<ReturnType<Awaited<ReturnType<typeof serverApi>>["hostOperations"]["list"]>>[number];

/** What an operation acted on, in the words the host's pages use. */
function subjectOf({ parameters }: Operation): string | undefined {
  return parameters.databaseName ?? parameters.userName ?? parameters.scheduleName ?? parameters.targetName;
}

/** The host's recent operations; while one is queued or running the page refreshes itself until it ends. */
export async function OperationsPanel({ teamId, hostId }: { teamId: string; hostId: string }) {
  const operations = await load(async () => (await serverApi()).hostOperations.list({ teamId, hostId }));
  const t = await getTranslations("hosts.operations");
  const locale = (await getLocale()) as Locale;
  const active = operations.some((operation) => operation.status === "queued" || operation.status === "running");
  const when = (value: Date | null) => (value ? formatDateTime(value, locale) : "—");
  return (
    <Card title={t("title")}>
      <OperationsRefresher active={active} />
      {operations.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
      ) : (
        <ul aria-label={t("title")} className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {operations.map((operation) => {
            const subject = subjectOf(operation);
            return (
              <li key={operation.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-2.5">
                <div className="min-w-0">
                  <p className="font-medium">
                    {t(`kinds.${operation.kind}`)}
                    {subject ? (
                      <span className="font-normal text-slate-600 dark:text-slate-400"> · {subject}</span>
                    ) : null}
                  </p>
                  <p className="text-slate-600 dark:text-slate-400">
                    {t("requestedBy")}: {operation.requestedBy ?? t("byTheConsole")} · {t("requested")}:{" "}
                    {when(operation.createdAt)}
                    {operation.finishedAt ? ` · ${t("finished")}: ${when(operation.finishedAt)}` : null}
                  </p>
                  {operation.failure ? <p className="text-red-700 dark:text-red-400">{operation.failure}</p> : null}
                </div>
                <Badge tone={STATUS_TONES[operation.status]}>{t(`status.${operation.status}`)}</Badge>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
