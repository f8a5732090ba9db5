"use client";

import { useLocale, useTranslations } from "next-intl";
import { FormStatus } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import type { FormState } from "@/app/_lib/form-state";
import { formatCents, formatDate } from "@/lib/format";
import { type ControlsState, type Previewed, useFinishingAction } from "./controls-state";

/** The preview: its lines and total (what is credited and what is charged now), and the one button that applies it. */
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
  const money = (cents: number) => formatCents(cents, state.currency, locale);
  const span = quote.newCycle
    ? t("newCycle", { date: until })
    : quote.daysCharged === 0 && quote.totalCents === 0
      ? t("trial")
      : t("prorated", { charged: quote.daysCharged, days: quote.daysInPeriod, date: until });
  return (
    <section aria-label={t("title")} className="space-y-3 rounded-md bg-slate-50 p-4 dark:bg-slate-800/50">
      <h3 className="text-sm font-semibold">{t("title")}</h3>
      <table className="w-full text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr className="text-left text-slate-600 dark:text-slate-400">
            {[t("item"), t("quantity"), t("amount")].map((heading, i) => (
              <th key={heading} scope="col" className={`py-1 font-medium ${i > 0 ? "text-right" : ""}`}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: these lists have no ids and never reorder
            <tr key={i}>
              <td className="py-1">{line.description}</td>
              <td className="py-1 text-right">
                {line.quantity} × {money(line.unitAmountCents)}
              </td>
              <td className="py-1 text-right tabular-nums">{money(line.amountCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <td className="pt-2" colSpan={2}>
              {quote.totalCents < 0 ? t("credit") : t("totalDue")}
            </td>
            <td className="pt-2 text-right tabular-nums" data-testid="preview-total">
              {money(quote.totalCents)}
            </td>
          </tr>
        </tfoot>
      </table>
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
