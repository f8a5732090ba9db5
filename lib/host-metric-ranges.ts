import { DAY_MS } from "./time";

/** The spans a host's metrics are shown over: the last day by the minute, a week or a month by the hour. */
export const METRIC_RANGES = ["24h", "7d", "30d"] as const;
export type MetricRange = (typeof METRIC_RANGES)[number];

export const METRIC_RANGE_MS: Record<MetricRange, number> = { "24h": DAY_MS, "7d": 7 * DAY_MS, "30d": 30 * DAY_MS };
