import type { Metadata } from "next";
import { Card, FactList, PageHeader } from "@/app/_components/ui";
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
        <FactList facts={rows} className="py-3" />
      </Card>
    </>
  );
}
