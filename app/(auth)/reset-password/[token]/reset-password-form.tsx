"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { PASSWORD_MIN_LENGTH, PASSWORD_SUGGESTED_LENGTH } from "@/lib/password-rules";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.resetPassword");
  const [state, action, pending] = useFormAction(resetPasswordAction);
  return (
    <ActionForm state={state} pending={pending} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field
        id="password"
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH, suggested: PASSWORD_SUGGESTED_LENGTH })}
      />
      <FormStatus />
      <SubmitButton className={`${buttonClass} w-full`}>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
