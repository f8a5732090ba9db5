"use client";

import { useTranslations } from "next-intl";
import { Checkbox, Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { openReadOnlyViewAction } from "./actions";

export function OpenViewForm({
  teamId,
  teamName,
  granted,
  mayBreakGlass,
}: {
  teamId: string;
  teamName: string;
  granted: boolean;
  mayBreakGlass: boolean;
}) {
  const t = useTranslations("support.open");
  const [state, action, pending] = useFormAction(openReadOnlyViewAction);
  return (
    <ActionForm state={state} pending={pending} action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <Field
        name="reason"
        label={t("reason")}
        required
        hint={granted ? t("reasonHintGranted", { team: teamName }) : t("reasonHintNotGranted")}
      />
      {!granted && mayBreakGlass ? <Checkbox name="breakGlass" label={t("breakGlass")} /> : null}
      <FormStatus />
      <SubmitButton className={buttonClass}>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
