import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, FactList, PageHeader } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { serverApi } from "@/server/caller";
import { DEPARTED_RETENTION_DAYS_MAX, DEPARTED_RETENTION_DAYS_MIN } from "@/server/settings/update-retention";
import { BillingContactForm } from "./billing-contact-form";
import { ManagedUsersForm } from "./managed-users-form";
import { RetentionSettingsForm } from "./retention-settings-form";
import { SecuritySettingsForm } from "./security-settings-form";
import { SsoRequirementForm } from "./sso-requirement-form";
import { SupportAccessCard } from "./support-access-card";
import { TeamNameForm } from "./team-name-form";
import { TransferApprovalsForm } from "./transfer-approvals-form";

export const generateMetadata = pageTitle("settings");

export default async function SettingsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [t, tTeam, tTransfers, tDomains, tProviders, tScim, tWebhooks, access, settings, grants] = await Promise.all([
    getTranslations("settings"),
    getTranslations("team"),
    getTranslations("accountTransfers.settings"),
    getTranslations("domains"),
    getTranslations("identityProviders"),
    getTranslations("scim"),
    getTranslations("webhooks"),
    load(() => api.teams.access({ teamId })),
    load(() => api.settings.get({ teamId })),
    load(() => api.supportAccess.list({ teamId })),
  ]);
  const canChange = access.permissions.includes("settings.update");
  const billingContact = access.permissions.includes("subscription.invoices.read")
    ? { contact: await load(() => api.subscription.billingContact({ teamId })) }
    : null;
  const yesNo = (value: boolean) => (value ? t("facts.yes") : t("facts.no"));
  const rows: Array<[string, string]> = [
    ...(canChange
      ? []
      : ([
          [t("facts.mfaRequired"), yesNo(settings.mfaRequired)],
          [t("facts.sessionIdleMinutes"), t("facts.minutes", { minutes: settings.sessionIdleMinutes })],
          [
            t("facts.allowedInviteDomains"),
            settings.allowedInviteDomains.length ? settings.allowedInviteDomains.join(", ") : t("facts.anyDomain"),
          ],
          [t("facts.departedUserRetention"), t("facts.days", { days: settings.departedUserRetentionDays })],
          [t("facts.transferIn"), yesNo(settings.transferInRequiresApproval)],
          [t("facts.transferOut"), yesNo(settings.transferOutRequiresApproval)],
          [t("facts.managedUsersMayChangeName"), yesNo(settings.managedUsersMayChangeName)],
          [t("facts.managedUsersMayChangeEmail"), yesNo(settings.managedUsersMayChangeEmail)],
        ] as Array<[string, string]>)),
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card title={tTeam("rename.card")}>
          {access.permissions.includes("team.update") ? (
            <TeamNameForm teamId={teamId} name={access.team.name} />
          ) : (
            <FactList facts={[[tTeam("rename.name"), access.team.name]]} />
          )}
        </Card>
        {billingContact ? (
          <Card title={tTeam("billingContact.card")}>
            <p className="mb-4 max-w-lg text-sm text-slate-600 dark:text-slate-400">
              {tTeam("billingContact.explanation")}
            </p>
            {access.permissions.includes("subscription.change") ? (
              <BillingContactForm teamId={teamId} contact={billingContact.contact} />
            ) : (
              <>
                {billingContact.contact ? (
                  <FactList
                    facts={[
                      [tTeam("billingContact.name"), billingContact.contact.name ?? "—"],
                      [tTeam("billingContact.email"), billingContact.contact.email],
                    ]}
                  />
                ) : (
                  <p className="text-sm">{tTeam("billingContact.none")}</p>
                )}
                <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
                  {tTeam("billingContact.ownerChanges")}
                </p>
              </>
            )}
          </Card>
        ) : null}
        {canChange ? (
          <Card title={t("managedUsers.card")}>
            <ManagedUsersForm
              teamId={teamId}
              managedUsersMayChangeEmail={settings.managedUsersMayChangeEmail}
              managedUsersMayChangeName={settings.managedUsersMayChangeName}
            />
          </Card>
        ) : null}
        {canChange ? (
          <Card title={t("security.card")}>
            <SecuritySettingsForm
              teamId={teamId}
              mfaRequired={settings.mfaRequired}
              sessionIdleMinutes={settings.sessionIdleMinutes}
              allowedInviteDomains={settings.allowedInviteDomains}
            />
          </Card>
        ) : null}
        {canChange ? (
          <Card title={t("retention.card")}>
            <RetentionSettingsForm
              teamId={teamId}
              departedUserRetentionDays={settings.departedUserRetentionDays}
              min={DEPARTED_RETENTION_DAYS_MIN}
              max={DEPARTED_RETENTION_DAYS_MAX}
            />
          </Card>
        ) : null}
        {canChange ? (
          <Card title={tTransfers("card")}>
            <TransferApprovalsForm
              teamId={teamId}
              transferInRequiresApproval={settings.transferInRequiresApproval}
              transferOutRequiresApproval={settings.transferOutRequiresApproval}
            />
            {access.permissions.includes("transfers.read") ? (
              <div className="mt-6 border-t border-slate-100 pt-6 dark:border-slate-800">
                <SettingsLink href={`/teams/${teamId}/users/transfers`} hint={tTransfers("requestsHint")}>
                  {tTransfers("requestsLink")}
                </SettingsLink>
              </div>
            ) : null}
          </Card>
        ) : null}
        <SupportAccessCard teamId={teamId} grants={grants} canGrant={access.permissions.includes("support.grant")} />
        {access.permissions.includes("sso.read") ? (
          <Card title={tDomains("settingsCard")}>
            <div className="space-y-3">
              <SettingsLink href={`/teams/${teamId}/settings/domains`} hint={tDomains("settingsLinkHint")}>
                {tDomains("settingsLink")}
              </SettingsLink>
              <SettingsLink href={`/teams/${teamId}/settings/identity-providers`} hint={t("sso.providersHint")}>
                {tProviders("title")}
              </SettingsLink>
              {access.permissions.includes("scim.read") ? (
                <SettingsLink href={`/teams/${teamId}/settings/scim`} hint={tScim("settingsLinkHint")}>
                  {tScim("settingsLink")}
                </SettingsLink>
              ) : null}
            </div>
            <div className="mt-6 border-t border-slate-100 pt-6 dark:border-slate-800">
              {access.permissions.includes("sso.manage") ? (
                <SsoRequirementForm
                  teamId={teamId}
                  ssoRequired={settings.ssoRequired}
                  breakGlassEmails={settings.ssoBreakGlassEmails}
                />
              ) : (
                <FactList
                  facts={[
                    [t("sso.required"), yesNo(settings.ssoRequired)],
                    [t("sso.breakGlass"), settings.ssoBreakGlassEmails.join(", ") || t("sso.noBreakGlass")],
                  ]}
                />
              )}
            </div>
          </Card>
        ) : null}
        {access.permissions.includes("apiKeys.read") ? (
          <Card title={t("apiKeys.settingsCard")}>
            <SettingsLink href={`/teams/${teamId}/settings/api-keys`} hint={t("apiKeys.settingsHint")}>
              {t("apiKeys.title")}
            </SettingsLink>
          </Card>
        ) : null}
        {access.permissions.includes("webhooks.read") ? (
          <Card title={tWebhooks("settingsCard")}>
            <SettingsLink href={`/teams/${teamId}/settings/webhooks`} hint={tWebhooks("settingsLinkHint")}>
              {tWebhooks("title")}
            </SettingsLink>
          </Card>
        ) : null}
        {rows.length > 0 ? (
          <Card title={canChange ? t("facts.otherSettings") : undefined}>
            <FactList facts={rows} className="py-3" />
          </Card>
        ) : null}
      </div>
    </>
  );
}

function SettingsLink({ href, hint, children }: { href: string; hint: string; children: ReactNode }) {
  return (
    <div>
      <Link href={href} className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
        {children}
      </Link>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{hint}</p>
    </div>
  );
}
