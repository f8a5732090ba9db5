"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { secondaryButtonClass } from "@/app/_components/ui";
import { PASSWORD_MIN_LENGTH, PASSWORD_SUGGESTED_LENGTH } from "@/lib/password-rules";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const t = useTranslations("profile.password");
  const [state, action, pending] = useFormAction(changePasswordAction);
  return (
    <ActionForm
      state={state}
      pending={pending}
      action={action}
      aria-label={t("formName")}
      className="max-w-md space-y-4"
      noValidate
    >
      <Field
        id="password-current"
        name="currentPassword"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
      />
      <Field
        id="password-new"
        name="newPassword"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("newPasswordHint", { min: PASSWORD_MIN_LENGTH, suggested: PASSWORD_SUGGESTED_LENGTH })}
      />
      <FormStatus />
      <SubmitButton className={secondaryButtonClass} busy={t("changing")}>
        {t("change")}
      </SubmitButton>
    </ActionForm>
  );
}
