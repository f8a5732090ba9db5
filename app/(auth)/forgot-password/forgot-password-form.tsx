"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [state, action, pending] = useFormAction(forgotPasswordAction);
  if (state.status === "done") return <FormStatus state={state} />;
  return (
    <ActionForm state={state} pending={pending} action={action} className="space-y-4" noValidate>
      <Field id="email" name="email" label={t("fields.email")} type="email" autoComplete="username" required />
      <FormStatus />
      <SubmitButton className={`${buttonClass} w-full`}>{t("forgotPassword.submit")}</SubmitButton>
    </ActionForm>
  );
}
