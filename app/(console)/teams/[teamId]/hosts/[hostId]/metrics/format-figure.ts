import { formatBytes, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

/** What a chart measures, which decides how its figures read. */
export type ChartUnit = "percent" | "count" | "bytes";

/** "42.5 %", "3", "4.7 GB": a figure of a chart, on its axis and in its table alike. */
export function formatFigure(value: number, unit: ChartUnit, locale: Locale): string {
  if (unit === "bytes") return formatBytes(value, locale);
  if (unit === "percent") return `${formatNumber(Math.round(value * 10) / 10, locale)} %`;
  return formatNumber(Math.round(value), locale);
}
