"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { updateSecuritySettingsAction } from "./actions";

export function SecuritySettingsForm(props: {
  teamId: string;
  mfaRequired: boolean;
  sessionIdleMinutes: number;
  allowedInviteDomains: string[];
}) {
  const t = useTranslations("settings.security");
  const [state, action, pending] = useFormAction(updateSecuritySettingsAction);
  return (
    <ActionForm state={state} pending={pending} action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={props.teamId} />
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" name="mfaRequired" defaultChecked={props.mfaRequired} className="mt-1 h-4 w-4" />
        <span>
          <span className="font-medium">{t("mfaRequired")}</span>
          <span className="block text-slate-600 dark:text-slate-400">{t("mfaRequiredHint")}</span>
        </span>
      </label>
      <Field
        name="sessionIdleMinutes"
        label={t("sessionIdleMinutes")}
        type="number"
        min={5}
        max={120}
        defaultValue={props.sessionIdleMinutes}
        hint={t("sessionIdleMinutesHint", { min: 5, max: 120 })}
      />
      <Field
        name="allowedInviteDomains"
        label={t("allowedInviteDomains")}
        defaultValue={props.allowedInviteDomains.join(", ")}
        hint={t("allowedInviteDomainsHint")}
      />
      <FormStatus />
      <SubmitButton className={buttonClass}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
