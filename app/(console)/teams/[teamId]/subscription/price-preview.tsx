"use client";

import { useLocale, useTranslations } from "next-intl";
import { FormStatus } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import type { FormState } from "@/app/_lib/form-state";
import { formatDate } from "@/lib/format";
import { type ControlsState, type Previewed, useFinishingAction } from "./controls-state";
import { QuoteTable } from "./quote-table";

/** The preview: what is credited and charged, and the one button that applies it. */
export function PricePreview({
  state,
  previewed,
  action,
  confirmLabel,
  onDone,
}: {
  state: ControlsState;
  previewed: Previewed;
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  confirmLabel: string;
  onDone: (notice: string | null) => void;
}) {
  const t = useTranslations("subscription.preview");
  const locale = useLocale();
  const [confirmed, confirm, pending] = useFinishingAction(action, onDone);
  const { quote } = previewed;
  const until = formatDate(quote.periodEnd, locale);
  const span = quote.newCycle
    ? t("newCycle", { date: until })
    : quote.daysCharged === 0 && quote.totalCents === 0
      ? t("trial")
      : t("prorated", { charged: quote.daysCharged, days: quote.daysInPeriod, date: until });
  return (
    <section aria-label={t("title")} className="space-y-3 rounded-md bg-slate-50 p-4 dark:bg-slate-800/50">
      <h3 className="text-sm font-semibold">{t("title")}</h3>
      <QuoteTable quote={quote} currency={state.currency} />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {span} {t("atOnce")}
      </p>
      <form action={confirm} className="space-y-3">
        <input type="hidden" name="teamId" value={state.teamId} />
        <input type="hidden" name="idempotencyKey" value={previewed.idempotencyKey} />
        <input type="hidden" name="expectedVersion" value={previewed.version} />
        <input type="hidden" name="expectedTotalCents" value={quote.totalCents} />
        {Object.entries(previewed.change ?? {}).map(([field, value]) =>
          value === undefined ? null : <input key={field} type="hidden" name={`change.${field}`} value={value} />,
        )}
        <FormStatus state={confirmed} />
        <button type="submit" className={buttonClass} disabled={pending}>
          {confirmLabel}
        </button>
      </form>
    </section>
  );
}
