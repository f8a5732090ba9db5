"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { updateRetentionSettingsAction } from "./actions";

const FORM_ID = "retention-settings";

export function RetentionSettingsForm(props: {
  teamId: string;
  departedUserRetentionDays: number;
  min: number;
  max: number;
}) {
  const t = useTranslations("settings.retention");
  const [state, action, pending] = useFormAction(updateRetentionSettingsAction);
  return (
    <form action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={props.teamId} />
      <Field
        id="departed-user-retention-days"
        name="departedUserRetentionDays"
        label={t("days")}
        type="number"
        min={props.min}
        max={props.max}
        defaultValue={props.departedUserRetentionDays}
        hint={t("daysHint", { min: props.min, max: props.max })}
        error={fieldError(state, "departedUserRetentionDays")}
        errorId={refusalId(FORM_ID)}
      />
      <FormStatus state={state} id={refusalId(FORM_ID)} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
