"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatCents } from "@/lib/format";
import type { Quote } from "@/server/billing/proration";

/** A quote's lines and total: what is credited and what is charged now. */
export function QuoteTable({ quote, currency }: { quote: Quote; currency: string }) {
  const t = useTranslations("subscription.preview");
  const locale = useLocale();
  const money = (cents: number) => formatCents(cents, currency, locale);
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("title")}</caption>
      <thead>
        <tr className="text-left text-slate-600 dark:text-slate-400">
          <th scope="col" className="py-1 font-medium">
            {t("item")}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t("quantity")}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t("amount")}
          </th>
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
  );
}
