import type { Metadata } from "next";
import { Card, EmptyState, FactList, Meter, PageHeader, StatusBadge } from "@/app/_components/ui";
import { formatDate } from "@/app/_lib/format";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";

export const metadata: Metadata = { title: "Subscription" };

export default async function SubscriptionPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const summary = await load(async () => (await serverApi()).subscription.summary({ teamId }));
  if (!summary) {
    return (
      <>
        <PageHeader title="Subscription" />
        <EmptyState title="This team has no subscription yet">The team's owner chooses a plan to start one.</EmptyState>
      </>
    );
  }
  const facts: Array<[string, string]> = [
    ["Team ID", summary.teamId],
    ["Contract number", summary.contractNumber],
    ["Plan", summary.planName],
    ["Billing period", summary.billingPeriod === "annual" ? "Annual" : "Monthly"],
    ["Started", formatDate(summary.startedAt)],
    summary.renewsAt ? ["Renews", formatDate(summary.renewsAt)] : ["Ends", formatDate(summary.endsAt)],
  ];
  return (
    <>
      <PageHeader title="Subscription" description="The team's contract and what it includes.">
        <StatusBadge status={summary.status} />
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Summary">
          <FactList facts={facts} />
        </Card>
        <Card title="Usage">
          <div className="space-y-4">
            {summary.seats ? <Meter label="Licences" used={summary.seats.used} total={summary.seats.total} /> : null}
            {summary.plan ? (
              <ul className="space-y-1 text-sm text-slate-600 dark:text-slate-400">
                {summary.plan.product === "filemaker_cloud" ? (
                  <>
                    <li>{summary.plan.includedStorageGb} GB storage included</li>
                    <li>{summary.plan.includedDataTransferGb} GB data transfer a contract year</li>
                    <li>Compute size: {summary.plan.computeSize}</li>
                  </>
                ) : (
                  <>
                    <li>{summary.plan.flows} flows</li>
                    <li>{summary.plan.monthlyRequests.toLocaleString("en")} API requests a month</li>
                  </>
                )}
              </ul>
            ) : null}
          </div>
        </Card>
      </div>
    </>
  );
}
