import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDateTime } from "@/lib/format";
import { METRIC_RANGE_MS, METRIC_RANGES, type MetricRange } from "@/lib/host-metric-ranges";
import type { Locale } from "@/lib/i18n/locales";
import { serverApi } from "@/server/caller";
import { type ChartUnit, formatFigure } from "./format-figure";
import { MetricsChart } from "./metrics-chart";

export const generateMetadata = pageTitle("hosts.metrics");

const CHARTS = [
  { key: "cpu", field: "cpuPercent", unit: "percent" },
  { key: "memory", field: "memoryPercent", unit: "percent" },
  { key: "clients", field: "connectedClients", unit: "count" },
  { key: "storage", field: "storageBytes", unit: "bytes" },
] as const satisfies ReadonlyArray<{ key: string; field: string; unit: ChartUnit }>;

/** How far apart the rows of a chart's table are, so a table stays short enough to read through. */
const TABLE_STEP_MS: Record<MetricRange, number> = {
  "24h": 10 * 60_000,
  "7d": 60 * 60_000,
  "30d": 6 * 60 * 60_000,
};

type Point = { at: Date } & Record<(typeof CHARTS)[number]["field"], number>;

/** The last point of each step, newest first. */
function tableRows(points: Point[], stepMs: number): Point[] {
  const byStep = new Map<number, Point>();
  for (const point of points) byStep.set(Math.floor(point.at.getTime() / stepMs), point);
  return [...byStep.values()].reverse();
}

export default async function HostMetricsPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; hostId: string }>;
  searchParams: Promise<{ range?: string }>;
}) {
  const { teamId, hostId } = await params;
  const asked = (await searchParams).range;
  const range: MetricRange = METRIC_RANGES.find((known) => known === asked) ?? "24h";
  const api = await serverApi();
  const [points, host] = await Promise.all([
    load(() => api.hostMetrics.series({ teamId, hostId, range })),
    load(() => api.hosts.get({ teamId, hostId })),
  ]);
  // A FileMaker Server outside the platform answers its Admin API but reports no load figures.
  const reportsNoFigures = host.liveState !== null && host.liveState.statistics === null;
  const t = await getTranslations("hosts.metrics");
  const locale = (await getLocale()) as Locale;
  const times = points.map((point) => point.at.getTime() / 1000);
  // The chart spans the whole range, so a host polled for an hour shows as an hour of a week.
  const span = { to: Date.now() / 1000, from: (Date.now() - METRIC_RANGE_MS[range]) / 1000 };
  const rows = tableRows(points, TABLE_STEP_MS[range]);

  return (
    <section aria-labelledby="metrics-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="metrics-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <nav aria-label={t("ranges")} className="flex gap-1 rounded-lg bg-slate-100 p-1 dark:bg-slate-800/60">
          {METRIC_RANGES.map((option) => (
            <Link
              key={option}
              href={`?${new URLSearchParams({ range: option })}`}
              aria-current={option === range ? "page" : undefined}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-white aria-[current=page]:bg-white aria-[current=page]:text-blue-800 aria-[current=page]:shadow-sm dark:text-slate-300 dark:hover:bg-slate-900 dark:aria-[current=page]:bg-slate-700 dark:aria-[current=page]:text-blue-200"
            >
              {t(`range.${option}`)}
            </Link>
          ))}
        </nav>
      </div>
      {points.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {reportsNoFigures ? t("notReported") : t("empty")}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {CHARTS.map((chart) => {
            const name = t(`charts.${chart.key}`);
            const label = t("chartLabel", { chart: name, range: t(`range.${range}`) });
            return (
              <figure
                key={chart.key}
                className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
              >
                <figcaption className="mb-2 text-sm font-semibold">{name}</figcaption>
                <MetricsChart
                  label={label}
                  times={times}
                  span={span}
                  values={points.map((point) => point[chart.field])}
                  unit={chart.unit}
                />
                <details className="mt-3 text-sm">
                  <summary className="cursor-pointer font-medium text-blue-700 hover:underline dark:text-blue-300">
                    {t("showAsTable")}
                  </summary>
                  <div className="mt-2 max-h-72 overflow-y-auto rounded-md border border-slate-200 dark:border-slate-800">
                    <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
                      <caption className="sr-only">{t(`tableCaption.${range}`, { chart: name })}</caption>
                      <thead className="sticky top-0 bg-slate-50 dark:bg-slate-900">
                        <tr>
                          <th
                            scope="col"
                            className="px-3 py-2 text-left font-medium text-slate-600 dark:text-slate-400"
                          >
                            {t("time")}
                          </th>
                          <th
                            scope="col"
                            className="px-3 py-2 text-right font-medium text-slate-600 dark:text-slate-400"
                          >
                            {name}
                          </th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                        {rows.map((point) => (
                          <tr key={point.at.getTime()}>
                            <td className="whitespace-nowrap px-3 py-1.5">{formatDateTime(point.at, locale)}</td>
                            <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">
                              {formatFigure(point[chart.field], chart.unit, locale)}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              </figure>
            );
          })}
        </div>
      )}
    </section>
  );
}
