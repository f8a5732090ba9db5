import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Field, SelectField } from "@/app/_components/form-parts";
import { SubmitForm } from "@/app/_components/form-status";
import { buttonClass, Card, dangerButtonClass, FactList, PageHeader, secondaryButtonClass } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDateTime } from "@/lib/format";
import { PASSWORD_MIN_LENGTH, PASSWORD_SUGGESTED_LENGTH } from "@/lib/password-rules";
import { PROFILE_LANGUAGES } from "@/server/accounts/update-profile";
import { serverApi } from "@/server/caller";
import { changePasswordAction, deleteAccountAction, requestEmailChangeAction, updateProfileAction } from "./actions";
import { TransferCard } from "./transfer-card";

export const generateMetadata = pageTitle("profile");

const formClass = "max-w-md space-y-4";

export default async function ProfilePage() {
  const [profile, transfers, t, locale] = await Promise.all([
    load(async () => (await serverApi()).profile.get()),
    load(async () => (await serverApi()).accountTransfers.mine()),
    getTranslations("profile"),
    getLocale(),
  ]);
  const strong = (chunks: ReactNode) => <strong className="text-slate-900 dark:text-slate-100">{chunks}</strong>;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card title={t("details.title")}>
          <SubmitForm
            action={updateProfileAction}
            submit={t("details.save")}
            busy={t("details.saving")}
            submitClass={buttonClass}
            keepFields
            aria-label={t("details.title")}
            className={formClass}
            noValidate
          >
            {/* A refused form keeps what was typed; each field's key refills it once its saved value changes. */}
            {/* A team that keeps its users' names leaves the field read-only, with why beneath it. */}
            <Field
              key={profile.name}
              name="name"
              label={t("details.name")}
              defaultValue={profile.name}
              autoComplete="name"
              required
              maxLength={200}
              readOnly={profile.nameChangeRefusal !== null}
              className="read-only:bg-slate-100 read-only:text-slate-600 dark:read-only:bg-slate-800 dark:read-only:text-slate-300"
              hint={profile.nameChangeRefusal ?? undefined}
            />
            <Field
              key={profile.phone}
              name="phone"
              label={t("details.phone")}
              type="tel"
              defaultValue={profile.phone ?? ""}
              autoComplete="tel"
              hint={t("details.phoneHint")}
            />
            <SelectField
              key={profile.language}
              name="language"
              label={t("details.language")}
              defaultValue={profile.language}
            >
              {PROFILE_LANGUAGES.map((language) => (
                <option key={language.code} value={language.code} lang={language.code}>
                  {language.label}
                </option>
              ))}
            </SelectField>
          </SubmitForm>
        </Card>

        <Card title={t("accountType.title")}>
          <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">
            {profile.managedByTeam
              ? t.rich("accountType.managed", { team: profile.managedByTeam, strong })
              : t("accountType.external")}
          </p>
        </Card>

        <TransferCard transfers={transfers} />

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
              <SubmitForm
                action={requestEmailChangeAction}
                submit={t("email.send")}
                busy={t("email.sending")}
                submitClass={secondaryButtonClass}
                aria-label={t("email.formName")}
                className={formClass}
                noValidate
              >
                <Field name="newEmail" label={t("email.newEmail")} type="email" autoComplete="email" required />
                <Field
                  name="password"
                  label={t("email.currentPassword")}
                  type="password"
                  autoComplete="current-password"
                  required
                />
              </SubmitForm>
            </>
          )}
        </Card>

        <Card title={t("password.title")}>
          {profile.signsInThroughProvider ? (
            <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">{t("password.throughProvider")}</p>
          ) : (
            <SubmitForm
              action={changePasswordAction}
              submit={t("password.change")}
              busy={t("password.changing")}
              submitClass={secondaryButtonClass}
              aria-label={t("password.formName")}
              className={formClass}
              noValidate
            >
              <Field
                name="currentPassword"
                label={t("password.currentPassword")}
                type="password"
                autoComplete="current-password"
                required
              />
              <Field
                name="newPassword"
                label={t("password.newPassword")}
                type="password"
                autoComplete="new-password"
                required
                hint={t("password.newPasswordHint", { min: PASSWORD_MIN_LENGTH, suggested: PASSWORD_SUGGESTED_LENGTH })}
              />
            </SubmitForm>
          )}
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
              <SubmitForm
                action={deleteAccountAction}
                submit={t("deleteAccount.title")}
                busy={t("deleteAccount.deleting")}
                submitClass={dangerButtonClass}
                aria-label={t("deleteAccount.title")}
                className={formClass}
                noValidate
              >
                {profile.signsInThroughProvider ? (
                  <Field
                    name="confirmEmail"
                    label={t("deleteAccount.confirmEmail")}
                    type="email"
                    autoComplete="off"
                    required
                    hint={t("deleteAccount.confirmEmailHint")}
                  />
                ) : (
                  <Field
                    name="password"
                    label={t("deleteAccount.currentPassword")}
                    type="password"
                    autoComplete="current-password"
                    required
                    hint={t("deleteAccount.passwordHint")}
                  />
                )}
              </SubmitForm>
            </div>
          </div>
        </Card>
      </div>
    </>
  );
}
