import { getLocale, getTranslations } from "next-intl/server";
import { Badge, EmptyState, Table, Td } from "@/app/_components/ui";
import { formatCents, formatDate } from "@/lib/format";
import type { listInvoices } from "@/server/billing/invoices";

type Invoice = Awaited<ReturnType<typeof listInvoices>>[number];

const STATUS_TONE = { open: "amber", paid: "green", void: "slate" } as const;

/** The team's invoices, newest first, each with its lines. */
export async function InvoiceTable({ invoices }: { invoices: Invoice[] }) {
  const t = await getTranslations("subscription.invoices");
  const locale = await getLocale();
  return (
    <section className="mt-6" aria-labelledby="invoices-heading">
      <h2 id="invoices-heading" className="mb-3 text-base font-semibold">
        {t("title")}
      </h2>
      {invoices.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
      ) : (
        <Table caption={t("title")} head={[t("number"), t("issued"), t("period"), t("lines"), t("status"), t("total")]}>
          {invoices.map((invoice) => {
            const money = (cents: number) => formatCents(cents, invoice.currency, locale);
            return (
              <tr key={invoice.id} className="align-top">
                <Td className="font-medium">{invoice.number}</Td>
                <Td>{formatDate(invoice.issuedAt, locale)}</Td>
                <Td>
                  {formatDate(invoice.periodStart, locale)} – {formatDate(invoice.periodEnd, locale)}
                </Td>
                <td className="px-4 py-2.5">
                  <ul className="space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
                    {invoice.lines.map((line, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: these lists have no ids and never reorder
                      <li key={i}>
                        {line.description}: {line.quantity} × {money(line.unitAmountCents)} ={" "}
                        <span className="tabular-nums">{money(line.amountCents)}</span>
                      </li>
                    ))}
                  </ul>
                </td>
                <Td>
                  <Badge tone={STATUS_TONE[invoice.status]}>{t(`statuses.${invoice.status}`)}</Badge>
                  {invoice.status === "open" && invoice.dueAt ? (
                    <span className="mt-1 block text-xs text-slate-500 dark:text-slate-400">
                      {t("due", { date: formatDate(invoice.dueAt, locale) })}
                    </span>
                  ) : null}
                </Td>
                <Td className="text-right font-medium tabular-nums">{money(invoice.totalCents)}</Td>
              </tr>
            );
          })}
        </Table>
      )}
    </section>
  );
}
