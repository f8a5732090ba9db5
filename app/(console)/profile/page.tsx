import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, FactList, PageHeader, secondaryButtonClass } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDateTime } from "@/lib/format";
import { PROFILE_LANGUAGES } from "@/server/accounts/update-profile";
import { serverApi } from "@/server/caller";
import { ChangeEmailForm } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";
import { DeleteAccountForm } from "./delete-account-form";
import { PersonalDetailsForm } from "./personal-details-form";

export const generateMetadata = pageTitle("profile");

export default async function ProfilePage() {
  const [profile, t, locale] = await Promise.all([
    load(async () => (await serverApi()).profile.get()),
    getTranslations("profile"),
    getLocale(),
  ]);
  const strong = (chunks: ReactNode) => <strong className="text-slate-900 dark:text-slate-100">{chunks}</strong>;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card title={t("details.title")}>
          <PersonalDetailsForm profile={profile} languages={PROFILE_LANGUAGES} />
        </Card>

        <Card title={t("accountType.title")}>
          <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">
            {profile.managedByTeam
              ? t.rich("accountType.managed", { team: profile.managedByTeam, strong })
              : t("accountType.external")}
          </p>
        </Card>

        <Card title={t("email.title")}>
          <div className="mb-4 max-w-md">
            <FactList
              facts={[
                [t("email.current"), profile.email],
                ...(profile.pendingEmailChange
                  ? ([
                      [t("email.waiting"), profile.pendingEmailChange.newEmail],
                      [t("email.validUntil"), formatDateTime(profile.pendingEmailChange.expiresAt, locale)],
                    ] as Array<[string, string]>)
                  : []),
              ]}
            />
          </div>
          {profile.emailChangeRefusal ? (
            <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">{profile.emailChangeRefusal}</p>
          ) : (
            <>
              <p className="mb-4 max-w-md text-sm text-slate-600 dark:text-slate-400">{t("email.explanation")}</p>
              <ChangeEmailForm />
            </>
          )}
        </Card>

        <Card title={t("password.title")}>
          <ChangePasswordForm />
        </Card>

        <Card title={t("data.title")}>
          <div className="space-y-6">
            <div>
              <h3 className="mb-1 text-sm font-semibold">{t("data.download")}</h3>
              <p className="mb-3 max-w-md text-sm text-slate-600 dark:text-slate-400">
                {t("data.downloadExplanation")}
              </p>
              <form method="post" action="/profile/data">
                <button type="submit" className={secondaryButtonClass}>
                  {t("data.download")}
                </button>
              </form>
            </div>
            <div className="border-t border-slate-100 pt-6 dark:border-slate-800">
              <h3 className="mb-1 text-sm font-semibold text-red-700 dark:text-red-400">{t("deleteAccount.title")}</h3>
              <p className="mb-3 max-w-md text-sm text-slate-600 dark:text-slate-400">
                {t("deleteAccount.explanation")}
              </p>
              <DeleteAccountForm />
            </div>
          </div>
        </Card>
      </div>
    </>
  );
}
