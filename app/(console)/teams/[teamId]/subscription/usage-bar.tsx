import { getLocale, getTranslations } from "next-intl/server";
import { Meter } from "@/app/_components/ui";
import { formatDate, formatNumber } from "@/lib/format";
import type { UsageMeter } from "@/server/billing/subscription-summary";

const LEVEL_TONE = { ok: "bg-blue-600", near: "bg-amber-500", at: "bg-red-500" } as const;
const LEVEL_TEXT = {
  ok: "text-slate-500",
  near: "font-medium text-amber-700 dark:text-amber-400",
  at: "font-medium text-red-700 dark:text-red-400",
} as const;

/** One usage figure against its limit, with its reset date and a warning near (90 %) and at the limit. */
export async function UsageBar({ meter }: { meter: UsageMeter }) {
  const t = await getTranslations("subscription.usage");
  const locale = await getLocale();
  const label = t(`meters.${meter.key}`);
  const figure = t(meter.unit ? "figureWithUnit" : "figure", {
    used: formatNumber(meter.used, locale),
    limit: formatNumber(meter.limit, locale),
    unit: meter.unit,
  });
  return (
    <div>
      <Meter label={label} used={meter.used} total={meter.limit} figure={figure} tone={LEVEL_TONE[meter.level]} />
      <div className="mt-1 flex flex-wrap justify-between gap-2 text-xs">
        <span className={LEVEL_TEXT[meter.level]}>{meter.level === "ok" ? "" : t(meter.level)}</span>
        {meter.resetsAt ? (
          <span className="text-slate-500 dark:text-slate-400">
            {t("resets", { date: formatDate(meter.resetsAt, locale) })}
          </span>
        ) : null}
      </div>
    </div>
  );
}
