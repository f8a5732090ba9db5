import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Badge, Card, EmptyState, FactList, PageHeader, StatusBadge, Table, Td } from "@/app/_components/ui";
import { formatDate } from "@/app/_lib/format";
import { load } from "@/app/_lib/load";
import { formatCents } from "@/server/billing/money";
import type { UsageMeter } from "@/server/billing/subscription-summary";
import { serverApi } from "@/server/caller";
import { SubscriptionControls } from "./subscription-controls";

export const metadata: Metadata = { title: "Subscription" };

const PERIOD = { monthly: "Monthly", annual: "Annual" } as const;

export default async function SubscriptionPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [access, summary] = await Promise.all([
    load(() => api.teams.access({ teamId })),
    load(() => api.subscription.summary({ teamId })),
  ]);
  if (!summary) {
    return (
      <>
        <PageHeader title="Subscription" />
        <EmptyState title="This team has no subscription yet">The team's owner chooses a plan to start one.</EmptyState>
      </>
    );
  }
  const canChange = access.permissions.includes("subscription.change");
  const seesInvoices = access.permissions.includes("subscription.invoices.read");
  const [invoices, plans, providers] = await Promise.all([
    seesInvoices ? load(() => api.subscription.invoices({ teamId })) : null,
    canChange ? load(() => api.subscription.plans({ teamId })) : null,
    canChange ? load(() => api.subscription.paymentProviders({ teamId })) : null,
  ]);

  const fileMaker = access.team.product === "filemaker_cloud";
  const ended = summary.teamStatus === "terminated";
  const addOns = [
    summary.extraStorageGb ? `${summary.extraStorageGb} GB extra storage` : null,
    summary.extraDataTransferGb ? `${summary.extraDataTransferGb} GB extra data transfer a year` : null,
    summary.extraRequests ? `${summary.extraRequests.toLocaleString("en")} extra API requests a month` : null,
  ].filter((a): a is string => a !== null);
  const dates: Array<[string, string]> =
    summary.status === "trialing"
      ? [["Trial ends", formatDate(summary.trialEndsAt)]]
      : ended
        ? [["Ended", formatDate(summary.currentPeriodEnd)]]
        : summary.renewsAt
          ? [["Renews", formatDate(summary.renewsAt)]]
          : [["Ends", formatDate(summary.endsAt)]];
  const facts: Array<[string, ReactNode]> = [
    [
      "Team ID",
      <code key="id" className="text-xs">
        {summary.teamId}
      </code>,
    ],
    ["Contract number", summary.contractNumber],
    ["Plan", summary.planName],
    ["Billing period", PERIOD[summary.billingPeriod]],
    ...(summary.seats ? ([["Seats", String(summary.seats.total)]] as Array<[string, string]>) : []),
    ["Add-ons", addOns.length ? addOns.join(", ") : "None"],
    ["Started", formatDate(summary.startedAt)],
    ...dates,
    ["Status", <StatusBadge key="status" status={summary.status} />],
    ...(summary.billing
      ? ([
          ...(summary.billing.periodPriceCents !== null
            ? [
                [
                  "Price",
                  `${formatCents(summary.billing.periodPriceCents)} ${summary.billingPeriod === "annual" ? "a year" : "a month"}`,
                ],
              ]
            : []),
          ["Payment method", summary.billing.paymentMethod ? paymentLabel(summary.billing.paymentMethod) : "None"],
          ...(summary.cancelAtPeriodEnd && summary.billing.cancelReason
            ? [["Reason for cancelling", summary.billing.cancelReason]]
            : []),
        ] as Array<[string, string]>)
      : []),
  ];

  return (
    <>
      <PageHeader title="Subscription" description="The team's contract, what it includes and what it has used.">
        <div className="flex gap-2">
          {summary.cancelAtPeriodEnd && !ended ? (
            <Badge tone="amber">Cancelled: ends {formatDate(summary.currentPeriodEnd)}</Badge>
          ) : null}
          <StatusBadge status={summary.status} />
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Summary">
          <FactList facts={facts} />
        </Card>
        <Card title="Usage">
          <div className="space-y-5">
            {summary.meters.map((meter) => (
              <UsageBar key={meter.key} meter={meter} />
            ))}
            {summary.plan ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {fileMaker
                  ? `Compute size: ${summary.plan.computeSize}.`
                  : `${summary.plan.flows} flows and ${summary.plan.monthlyRequests.toLocaleString("en")} API requests a month included.`}
              </p>
            ) : null}
          </div>
        </Card>
      </div>

      {canChange && plans && providers ? (
        <Card title="Change the subscription" className="mt-6">
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
            {ended
              ? "The subscription has ended. Renew it to make the team active again."
              : "Changes are priced by the day and apply at once. Only the team's owner can make them."}
          </p>
          <SubscriptionControls
            state={{
              teamId: summary.teamId,
              version: summary.version,
              product: access.team.product,
              status: summary.status,
              planCode: summary.planCode,
              billingPeriod: summary.billingPeriod,
              seats: summary.seats?.total ?? 0,
              extraStorageGb: summary.extraStorageGb,
              extraDataTransferGb: summary.extraDataTransferGb,
              extraRequests: summary.extraRequests,
              cancelAtPeriodEnd: summary.cancelAtPeriodEnd,
              ended,
              trial: summary.status === "trialing",
              hasPaymentMethod: Boolean(summary.billing?.paymentMethod),
              periodEnd: summary.currentPeriodEnd.toISOString(),
            }}
            plans={plans}
            providers={providers}
          />
        </Card>
      ) : null}

      {invoices ? (
        <section className="mt-6" aria-labelledby="invoices-heading">
          <h2 id="invoices-heading" className="mb-3 text-base font-semibold">
            Invoices
          </h2>
          {invoices.length === 0 ? (
            <EmptyState title="No invoices yet">
              Invoices appear here when the subscription starts, changes or renews.
            </EmptyState>
          ) : (
            <Table caption="Invoices" head={["Number", "Issued", "Period", "Lines", "Status", "Total"]}>
              {invoices.map((invoice) => (
                <tr key={invoice.id} className="align-top">
                  <Td className="font-medium">{invoice.number}</Td>
                  <Td>{formatDate(invoice.issuedAt)}</Td>
                  <Td>
                    {formatDate(invoice.periodStart)} – {formatDate(invoice.periodEnd)}
                  </Td>
                  <td className="px-4 py-2.5">
                    <ul className="space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
                      {invoice.lines.map((line, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: these lists have no ids and never reorder
                        <li key={i}>
                          {line.description}: {line.quantity} × {formatCents(line.unitAmountCents, invoice.currency)} ={" "}
                          <span className="tabular-nums">{formatCents(line.amountCents, invoice.currency)}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <Td>
                    <Badge tone={invoice.status === "open" ? "amber" : invoice.status === "paid" ? "green" : "slate"}>
                      {invoice.status === "open" ? "Open" : invoice.status === "paid" ? "Paid" : "Void"}
                    </Badge>
                    {invoice.status === "open" && invoice.dueAt ? (
                      <span className="mt-1 block text-xs text-slate-500 dark:text-slate-400">
                        due {formatDate(invoice.dueAt)}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="text-right font-medium tabular-nums">
                    {formatCents(invoice.totalCents, invoice.currency)}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      ) : null}
    </>
  );
}

function paymentLabel(method: { provider: string; brand: string | null; last4: string | null }): string {
  if (method.provider === "invoice") return "Pay by invoice";
  return [method.brand ?? method.provider, method.last4 ? `ending ${method.last4}` : null].filter(Boolean).join(" ");
}

const LEVEL_TONE = { ok: "bg-blue-600", near: "bg-amber-500", at: "bg-red-500" } as const;

/** One usage figure against its limit, with its reset date and a warning near (90 %) and at the limit. */
function UsageBar({ meter }: { meter: UsageMeter }) {
  const share = meter.limit > 0 ? Math.min(meter.used / meter.limit, 1) : 1;
  const unit = meter.unit ? ` ${meter.unit}` : "";
  const figure = (n: number) => n.toLocaleString("en");
  return (
    <div>
      <div className="flex justify-between gap-2 text-sm">
        <span>{meter.label}</span>
        <span className="font-medium">
          {figure(meter.used)} of {figure(meter.limit)}
          {unit}
        </span>
      </div>
      <div
        className="mt-1.5 h-2 rounded-full bg-slate-200 dark:bg-slate-800"
        role="meter"
        aria-label={meter.label}
        aria-valuemin={0}
        aria-valuemax={meter.limit}
        aria-valuenow={Math.min(meter.used, meter.limit)}
        aria-valuetext={`${figure(meter.used)} of ${figure(meter.limit)}${unit}`}
      >
        <div className={`h-2 rounded-full ${LEVEL_TONE[meter.level]}`} style={{ width: `${share * 100}%` }} />
      </div>
      <div className="mt-1 flex flex-wrap justify-between gap-2 text-xs">
        <span
          className={
            meter.level === "at"
              ? "font-medium text-red-700 dark:text-red-400"
              : meter.level === "near"
                ? "font-medium text-amber-700 dark:text-amber-400"
                : "text-slate-500"
          }
        >
          {meter.level === "at" ? "At the limit" : meter.level === "near" ? "Near the limit" : ""}
        </span>
        {meter.resetsAt ? (
          <span className="text-slate-500 dark:text-slate-400">Resets {formatDate(meter.resetsAt)}</span>
        ) : null}
      </div>
    </div>
  );
}
