"use client";

import { useTranslations } from "next-intl";
import { Field, SelectField } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { grantSupportAccessAction } from "./support-access-actions";

const DURATIONS_IN_HOURS = [1, 4, 24, 72, 168];

export function GrantSupportForm({ teamId }: { teamId: string }) {
  const t = useTranslations("settings.supportAccess");
  const [state, action, pending] = useFormAction(grantSupportAccessAction);
  return (
    <ActionForm state={state} pending={pending} action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <SelectField name="hours" label={t("duration")} defaultValue={24}>
        {DURATIONS_IN_HOURS.map((hours) => (
          <option key={hours} value={hours}>
            {hours < 24 ? t("hours", { hours }) : t("days", { days: hours / 24 })}
          </option>
        ))}
      </SelectField>
      <Field name="note" label={t("note")} hint={t("noteHint")} maxLength={500} />
      <FormStatus />
      <SubmitButton className={buttonClass}>{t("grant")}</SubmitButton>
    </ActionForm>
  );
}
