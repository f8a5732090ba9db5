"use client";

import "uplot/dist/uPlot.min.css";
import { useLocale } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type uPlot from "uplot";
import type { Locale } from "@/lib/i18n/locales";
import { type ChartUnit, formatFigure } from "./format-figure";

const HEIGHT = 180;
const TWO_DAYS_S = 2 * 24 * 60 * 60;

/** Times along the axis in the reader's language and in UTC: hours for a day, dates for longer. */
function timeAxisFormat(locale: Locale, spanSeconds: number): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(
    locale,
    spanSeconds > TWO_DAYS_S
      ? { timeZone: "UTC", day: "numeric", month: "short" }
      : { timeZone: "UTC", hour: "2-digit", minute: "2-digit" },
  );
}

/** The slate and blue of the console's pages, in light and in dark mode. */
const PALETTES = {
  light: { text: "#475569", grid: "#e2e8f0", line: "#2563eb", fill: "rgba(37, 99, 235, 0.12)" },
  dark: { text: "#94a3b8", grid: "#1e293b", line: "#60a5fa", fill: "rgba(96, 165, 250, 0.15)" },
};

/** Follows the system's colour scheme, as the console's `dark:` styles do. */
function usePrefersDark(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    setDark(query.matches);
    const follow = (event: MediaQueryListEvent) => setDark(event.matches);
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, []);
  return dark;
}

/**
 * One metric over time, as a line that fills the width of its container; times are in UTC like
 * everywhere in the console. A picture for the eye: the figures are in the table beside it.
 */
export function MetricsChart({
  label,
  times,
  span,
  values,
  unit,
}: {
  label: string;
  /** Seconds since the epoch, oldest first. */
  times: number[];
  /** The range shown, in seconds since the epoch, whether or not figures cover all of it. */
  span: { from: number; to: number };
  values: number[];
  unit: ChartUnit;
}) {
  const container = useRef<HTMLDivElement>(null);
  const locale = useLocale() as Locale;
  const dark = usePrefersDark();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let chart: uPlot | undefined;
    let cancelled = false;
    const observer = new ResizeObserver(([entry]) => {
      if (chart && entry) chart.setSize({ width: Math.floor(entry.contentRect.width), height: HEIGHT });
    });
    // uPlot touches the DOM when it loads, so it loads in the browser only.
    import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const colours = dark ? PALETTES.dark : PALETTES.light;
      const timeFormat = timeAxisFormat(locale, span.to - span.from);
      const axis = { stroke: colours.text, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid } };
      chart = new UPlot(
        {
          width: Math.floor(element.clientWidth),
          height: HEIGHT,
          tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), "Etc/UTC"),
          legend: { show: false },
          scales: {
            x: { time: true, range: () => [span.from, span.to] },
            y: { range: (_self, _min, max) => [0, unit === "percent" ? 100 : Math.max(max * 1.1, 1)] },
          },
          axes: [
            { ...axis, values: (_self, splits) => splits.map((split) => timeFormat.format(new Date(split * 1000))) },
            {
              ...axis,
              size: unit === "bytes" ? 72 : 60,
              values: (_self, splits) => splits.map((split) => formatFigure(split, unit, locale)),
            },
          ],
          series: [{}, { label, stroke: colours.line, fill: colours.fill, width: 2 }],
        },
        [times, values],
        element,
      );
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      observer.disconnect();
      chart?.destroy();
    };
  }, [dark, label, locale, times, span, values, unit]);

  return <div ref={container} role="img" aria-label={label} className="min-h-[180px] w-full" />;
}
