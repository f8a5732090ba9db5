import { getLocale, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, FactList, PageHeader, StatusBadge } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDate, formatNumber } from "@/lib/format";
import { CURRENCY } from "@/server/billing/plan-catalog";
import { serverApi } from "@/server/caller";
import { SubscriptionControls } from "./subscription-controls";
import { InvoiceTable, summaryFacts, UsageBar } from "./summary";
import { TeamIdValue } from "./team-id-value";

export const generateMetadata = pageTitle("subscription.page");

export default async function SubscriptionPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const t = await getTranslations("subscription.page");
  const locale = await getLocale();
  const api = await serverApi();
  const [access, summary] = await Promise.all([
    load(() => api.teams.access({ teamId })),
    load(() => api.subscription.summary({ teamId })),
  ]);
  if (!summary) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState title={t("noSubscriptionTitle")}>{t("noSubscriptionText")}</EmptyState>
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

  const ended = summary.teamStatus === "terminated";
  const facts = await summaryFacts(summary, {
    teamId: <TeamIdValue teamId={summary.teamId} />,
    status: <StatusBadge status={summary.status} />,
  });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <div className="flex gap-2">
          {summary.cancelAtPeriodEnd && !ended ? (
            <Badge tone="amber">{t("cancelledBadge", { date: formatDate(summary.currentPeriodEnd, locale) })}</Badge>
          ) : null}
          <StatusBadge status={summary.status} />
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("summary")}>
          <FactList facts={facts} />
        </Card>
        <Card title={t("usage")}>
          <div className="space-y-5">
            {summary.meters.map((meter) => (
              <UsageBar key={meter.key} meter={meter} />
            ))}
            {summary.plan ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {access.team.product === "filemaker_cloud"
                  ? t("computeSize", { size: summary.plan.computeSize ?? "—" })
                  : t("connectIncludes", {
                      flows: summary.plan.flows,
                      requests: formatNumber(summary.plan.monthlyRequests, locale),
                    })}
              </p>
            ) : null}
          </div>
        </Card>
      </div>

      {canChange && plans && providers ? (
        <Card title={t("change")} className="mt-6">
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{ended ? t("endedText") : t("changeText")}</p>
          <SubscriptionControls
            state={{
              teamId: summary.teamId,
              version: summary.version,
              currency: CURRENCY,
              product: access.team.product,
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
              periodEnd: summary.currentPeriodEnd,
            }}
            plans={plans}
            providers={providers}
          />
        </Card>
      ) : null}

      {invoices ? <InvoiceTable invoices={invoices} /> : null}
    </>
  );
}
