import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge, EmptyState, Meter, Table, Td } from "@/app/_components/ui";
import { formatCents, formatDate, formatNumber } from "@/lib/format";
import type { listInvoices } from "@/server/billing/invoices";
import { CURRENCY } from "@/server/billing/plan-catalog";
import type { subscriptionSummary, UsageMeter } from "@/server/billing/subscription-summary";

type Summary = NonNullable<Awaited<ReturnType<typeof subscriptionSummary>>>;

/**
 * The Summary card's label and value pairs: the contract, its dates and, for those who may
 * see them, its price, payment method and the reason given for cancelling.
 */
export async function summaryFacts(
  summary: Summary,
  shown: { teamId: ReactNode; status: ReactNode },
): Promise<Array<[string, ReactNode]>> {
  const t = await getTranslations("subscription.summary");
  const locale = await getLocale();
  const date = (value: Date | null) => (value ? formatDate(value, locale) : "—");
  const addOns = [
    summary.extraStorageGb ? t("addOns.storage", { gb: summary.extraStorageGb }) : null,
    summary.extraDataTransferGb ? t("addOns.dataTransfer", { gb: summary.extraDataTransferGb }) : null,
    summary.extraRequests ? t("addOns.requests", { requests: formatNumber(summary.extraRequests, locale) }) : null,
  ].filter((a): a is string => a !== null);
  const dates: Array<[string, string]> =
    summary.status === "trialing"
      ? [[t("trialEnds"), date(summary.trialEndsAt)]]
      : summary.teamStatus === "terminated"
        ? [[t("ended"), date(summary.currentPeriodEnd)]]
        : summary.renewsAt
          ? [[t("renews"), date(summary.renewsAt)]]
          : [[t("ends"), date(summary.endsAt)]];
  const billing = summary.billing;
  const method = billing?.paymentMethod;
  const paymentMethod = !method
    ? t("none")
    : method.provider === "invoice"
      ? t("payByInvoice")
      : method.last4
        ? t("cardEnding", { brand: method.brand ?? method.provider, last4: method.last4 })
        : (method.brand ?? method.provider);
  const price = (cents: number) =>
    t("pricePer", { price: formatCents(cents, CURRENCY, locale), period: summary.billingPeriod });
  /** A fact shown only when there is something to say. */
  const ifAny = (label: string, value: ReactNode): Array<[string, ReactNode]> => (value ? [[label, value]] : []);
  return [
    [t("teamId"), shown.teamId],
    [t("contractNumber"), summary.contractNumber],
    [t("plan"), summary.planName],
    [t("billingPeriod"), t(`periods.${summary.billingPeriod}`)],
    ...ifAny(t("seats"), summary.seats && String(summary.seats.total)),
    [t("addOns.label"), addOns.length ? addOns.join(", ") : t("none")],
    [t("started"), date(summary.startedAt)],
    ...dates,
    [t("status"), shown.status],
    ...ifAny(t("price"), billing && billing.periodPriceCents !== null && price(billing.periodPriceCents)),
    ...ifAny(t("paymentMethod"), billing && paymentMethod),
    ...ifAny(t("cancelReason"), summary.cancelAtPeriodEnd && billing?.cancelReason),
  ];
}

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
