import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatCents, formatDate, formatNumber } from "@/lib/format";
import { CURRENCY } from "@/server/billing/plan-catalog";
import type { subscriptionSummary } from "@/server/billing/subscription-summary";

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
