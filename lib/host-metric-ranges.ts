/** The spans a host's metrics are shown over: the last day by the minute, a week or a month by the hour. */
export const METRIC_RANGES = ["24h", "7d", "30d"] as const;
export type MetricRange = (typeof METRIC_RANGES)[number];
