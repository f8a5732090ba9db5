import type { Metadata } from "next";
import { Card, FactList, PageHeader } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import { DEPARTED_RETENTION_DAYS_MAX, DEPARTED_RETENTION_DAYS_MIN } from "@/server/settings/update-retention";
import { RetentionSettingsForm } from "./retention-settings-form";
import { SecuritySettingsForm } from "./security-settings-form";
import { SupportAccessCard } from "./support-access-card";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [access, settings, grants] = await Promise.all([
    load(() => api.teams.access({ teamId })),
    load(() => api.settings.get({ teamId })),
    load(() => api.supportAccess.list({ teamId })),
  ]);
  const canChange = access.permissions.includes("settings.update");
  const rows: Array<[string, string]> = [
    ...(canChange
      ? []
      : ([
          ["Require two-step verification", settings.mfaRequired ? "Yes" : "No"],
          ["Sign out after inactivity", `${settings.sessionIdleMinutes} minutes`],
          [
            "Allowed invitation domains",
            settings.allowedInviteDomains.length ? settings.allowedInviteDomains.join(", ") : "Any domain",
          ],
          ["Keep departed users' personal data", `${settings.departedUserRetentionDays} days`],
        ] as Array<[string, string]>)),
    ["Approve accounts transferred in", settings.transferInRequiresApproval ? "Yes" : "No"],
    ["Approve accounts transferred out", settings.transferOutRequiresApproval ? "Yes" : "No"],
    ["Managed users may change their email", settings.managedUsersMayChangeEmail ? "Yes" : "No"],
  ];
  return (
    <>
      <PageHeader title="Settings" description="How this team signs in, invites and keeps data." />
      <div className="space-y-6">
        {canChange ? (
          <Card title="Sign-in and invitations">
            <SecuritySettingsForm
              teamId={teamId}
              mfaRequired={settings.mfaRequired}
              sessionIdleMinutes={settings.sessionIdleMinutes}
              allowedInviteDomains={settings.allowedInviteDomains}
            />
          </Card>
        ) : null}
        {canChange ? (
          <Card title="Personal data of departed users">
            <RetentionSettingsForm
              teamId={teamId}
              departedUserRetentionDays={settings.departedUserRetentionDays}
              min={DEPARTED_RETENTION_DAYS_MIN}
              max={DEPARTED_RETENTION_DAYS_MAX}
            />
          </Card>
        ) : null}
        <SupportAccessCard teamId={teamId} grants={grants} canGrant={access.permissions.includes("support.grant")} />
        <Card title={canChange ? "Other settings" : undefined}>
          <FactList facts={rows} className="py-3" />
        </Card>
      </div>
    </>
  );
}
