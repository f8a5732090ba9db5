"use client";

import { useTranslations } from "next-intl";
import { Checkbox } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { updateManagedUsersAction } from "./actions";

export function ManagedUsersForm(props: {
  teamId: string;
  managedUsersMayChangeEmail: boolean;
  managedUsersMayChangeName: boolean;
}) {
  const t = useTranslations("settings.managedUsers");
  const [state, action, pending] = useFormAction(updateManagedUsersAction);
  return (
    <ActionForm state={state} pending={pending} action={action} aria-label={t("card")} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={props.teamId} />
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("explanation")}</p>
      <Checkbox
        name="managedUsersMayChangeName"
        label={t("mayChangeName")}
        defaultChecked={props.managedUsersMayChangeName}
      />
      <Checkbox
        name="managedUsersMayChangeEmail"
        label={t("mayChangeEmail")}
        defaultChecked={props.managedUsersMayChangeEmail}
      />
      <FormStatus />
      <SubmitButton className={buttonClass}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
