import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/app/_components/action-button";
import { Field, SelectField } from "@/app/_components/form-parts";
import { SubmitForm } from "@/app/_components/form-status";
import { buttonClass, Card, EmptyState, secondaryButtonClass } from "@/app/_components/ui";
import { formatDateTime } from "@/lib/format";
import { grantSupportAccessAction, revokeSupportAccessAction } from "./support-access-actions";

const DURATIONS_IN_HOURS = [1, 4, 24, 72, 168];

interface Grant {
  id: string;
  note: string | null;
  endsAt: Date;
  createdAt: Date;
  grantedBy: string | null;
}

/** Consent for platform support to look at this team, read-only, for a while. */
export async function SupportAccessCard({
  teamId,
  grants,
  canGrant,
}: {
  teamId: string;
  grants: Grant[];
  canGrant: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("settings.supportAccess"), getLocale()]);
  return (
    <Card title={t("title")}>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      {grants.length === 0 ? (
        <EmptyState title={t("none")} />
      ) : (
        <ul aria-label={t("active")} className="mb-4 divide-y divide-slate-100 dark:divide-slate-800">
          {grants.map((grant) => (
            <li key={grant.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <div>
                <p className="font-medium">{t("until", { endsAt: formatDateTime(grant.endsAt, locale) })}</p>
                <p className="text-slate-600 dark:text-slate-400">
                  {t("grantedBy", {
                    grantedBy: grant.grantedBy ?? t("formerMember"),
                    grantedAt: formatDateTime(grant.createdAt, locale),
                  })}
                  {grant.note ? ` · ${grant.note}` : ""}
                </p>
              </div>
              {canGrant ? (
                <ActionButton
                  action={revokeSupportAccessAction}
                  fields={{ teamId, grantId: grant.id }}
                  label={t("revoke")}
                  className={secondaryButtonClass}
                  formClass="flex flex-col items-end gap-2"
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canGrant ? (
        <div className="mt-4">
          <SubmitForm
            action={grantSupportAccessAction}
            submit={t("grant")}
            submitClass={buttonClass}
            className="max-w-lg space-y-4"
          >
            <input type="hidden" name="teamId" value={teamId} />
            <SelectField name="hours" label={t("duration")} defaultValue={24}>
              {DURATIONS_IN_HOURS.map((hours) => (
                <option key={hours} value={hours}>
                  {hours < 24 ? t("hours", { hours }) : t("days", { days: hours / 24 })}
                </option>
              ))}
            </SelectField>
            <Field name="note" label={t("note")} hint={t("noteHint")} maxLength={500} />
          </SubmitForm>
        </div>
      ) : null}
    </Card>
  );
}
