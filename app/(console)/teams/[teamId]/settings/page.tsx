import type { Metadata } from "next";
import { Card, PageHeader } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const settings = await load(async () => (await serverApi()).settings.get({ teamId }));
  const rows: Array<[string, string]> = [
    ["Require two-step verification", settings.mfaRequired ? "Yes" : "No"],
    ["Sign out after inactivity", `${settings.sessionIdleMinutes} minutes`],
    [
      "Allowed invitation domains",
      settings.allowedInviteDomains.length ? settings.allowedInviteDomains.join(", ") : "Any domain",
    ],
    ["Approve accounts transferred in", settings.transferInRequiresApproval ? "Yes" : "No"],
    ["Approve accounts transferred out", settings.transferOutRequiresApproval ? "Yes" : "No"],
    ["Managed users may change their email", settings.managedUsersMayChangeEmail ? "Yes" : "No"],
    ["Keep departed users' personal data", `${settings.departedUserRetentionDays} days`],
  ];
  return (
    <>
      <PageHeader title="Settings" description="How this team signs in, invites and keeps data." />
      <Card>
        <dl className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map(([label, value]) => (
            <div key={label} className="flex flex-wrap justify-between gap-2 py-3 text-sm">
              <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
