import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, Meter } from "@/app/_components/ui";
import { formatDate, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { connectUsageOverview } from "@/server/connect-usage/usage-overview";

type Overview = Awaited<ReturnType<typeof connectUsageOverview>>;

/** Flows and this month's API requests against the plan, and the requests of the last 12 months. */
export async function ConnectUsageCard({ teamId, usage }: { teamId: string; usage: Overview }) {
  const t = await getTranslations("home.connectUsage");
  const locale = (await getLocale()) as Locale;
  const number = (value: number) => formatNumber(value, locale);
  return (
    <Card title={t("title")} className="lg:col-span-2">
      <div className="space-y-4">
        <Meter
          label={t("flows")}
          used={usage.flows.used}
          total={usage.flows.limit}
          figure={t("ofLimit", { used: number(usage.flows.used), limit: number(usage.flows.limit) })}
        />
        <Meter
          label={t("requests")}
          used={usage.requests.used}
          total={usage.requests.limit}
          tone={
            usage.requests.used >= usage.requests.warnAt && usage.requests.used < usage.requests.limit
              ? "bg-amber-500"
              : undefined
          }
          figure={t("ofLimit", { used: number(usage.requests.used), limit: number(usage.requests.limit) })}
        />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("resets", { date: formatDate(usage.requests.resetsAt, locale) })}{" "}
          {usage.requests.used >= usage.requests.warnAt && !usage.flowsSuspendedSince ? (
            <Link className="text-blue-700 underline dark:text-blue-400" href={`/teams/${teamId}/subscription`}>
              {t("addRequests")}
            </Link>
          ) : null}
        </p>
        <UsageChart
          months={usage.months}
          locale={locale}
          title={t("chartTitle")}
          monthLabel={t("month")}
          requestsLabel={t("requestsColumn")}
        />
      </div>
    </Card>
  );
}

const CHART_HEIGHT = 120;

/** Bars drawn on the server, with the same figures in a table for screen readers. */
function UsageChart({
  months,
  locale,
  title,
  monthLabel,
  requestsLabel,
}: {
  months: Overview["months"];
  locale: Locale;
  title: string;
  monthLabel: string;
  requestsLabel: string;
}) {
  const highest = Math.max(1, ...months.map((month) => month.requests));
  const name = (month: string) =>
    new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  const axisName = (month: string) =>
    new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
  return (
    <figure>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg
        aria-hidden="true"
        className="mt-2 h-40 w-full text-blue-600 dark:text-blue-400"
        viewBox={`0 0 ${months.length * 30} ${CHART_HEIGHT + 16}`}
        preserveAspectRatio="none"
      >
        {months.map((month, index) => {
          const height = Math.round((month.requests / highest) * CHART_HEIGHT);
          return (
            <g key={month.month}>
              <rect
                x={index * 30 + 4}
                y={CHART_HEIGHT - height}
                width={22}
                height={Math.max(height, month.requests > 0 ? 1 : 0)}
                rx={2}
                fill="currentColor"
              />
              <text
                x={index * 30 + 15}
                y={CHART_HEIGHT + 12}
                textAnchor="middle"
                fontSize="8"
                className="fill-slate-500 dark:fill-slate-400"
              >
                {axisName(month.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{monthLabel}</th>
            <th scope="col">{requestsLabel}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <td>{name(month.month)}</td>
              <td>{formatNumber(month.requests, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
