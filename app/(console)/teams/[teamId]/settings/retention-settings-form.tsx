"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { updateRetentionSettingsAction } from "./actions";

export function RetentionSettingsForm(props: {
  teamId: string;
  departedUserRetentionDays: number;
  min: number;
  max: number;
}) {
  const t = useTranslations("settings.retention");
  const [state, action, pending] = useFormAction(updateRetentionSettingsAction);
  return (
    <ActionForm state={state} pending={pending} action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={props.teamId} />
      <Field
        name="departedUserRetentionDays"
        label={t("days")}
        type="number"
        min={props.min}
        max={props.max}
        defaultValue={props.departedUserRetentionDays}
        hint={t("daysHint", { min: props.min, max: props.max })}
      />
      <FormStatus />
      <SubmitButton className={buttonClass}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
