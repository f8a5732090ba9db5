"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Checkbox, Field } from "@/app/_components/form-parts";
import { SubmitForm } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { updateSsoRequirementAction } from "./actions";

/** Whether the team's people must sign in through its identity providers, and who keeps a password. */
export function SsoRequirementForm(props: { teamId: string; ssoRequired: boolean; breakGlassEmails: string[] }) {
  const t = useTranslations("settings.sso");
  const hintId = useId();
  return (
    <SubmitForm
      action={updateSsoRequirementAction}
      submit={t("save")}
      busy={t("saving")}
      submitClass={buttonClass}
      aria-label={t("formName")}
      className="max-w-lg space-y-4"
      noValidate
    >
      <input type="hidden" name="teamId" value={props.teamId} />
      <div>
        <Checkbox
          name="ssoRequired"
          label={t("required")}
          defaultChecked={props.ssoRequired}
          aria-describedby={hintId}
        />
        <p id={hintId} className="mt-1 ml-6 text-xs text-slate-500 dark:text-slate-400">
          {t("requiredHint")}
        </p>
      </div>
      <Field
        name="breakGlassEmails"
        label={t("breakGlass")}
        defaultValue={props.breakGlassEmails.join(", ")}
        hint={t("breakGlassHint")}
        autoComplete="off"
      />
    </SubmitForm>
  );
}
