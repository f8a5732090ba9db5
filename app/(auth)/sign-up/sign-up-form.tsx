"use client";

import { useTranslations } from "next-intl";
import { Field, KeptField } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { PASSWORD_MIN_LENGTH, PASSWORD_SUGGESTED_LENGTH } from "@/lib/password-rules";
import { signUpAction } from "./actions";

export function SignUpForm({ email: invitedEmail, next }: { email?: string; next?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useFormAction(signUpAction);
  return (
    <ActionForm state={state} pending={pending} action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <KeptField name="name" label={t("fields.name")} autoComplete="name" required />
      <KeptField
        name="email"
        label={t("fields.email")}
        type="email"
        autoComplete="email"
        required
        defaultValue={invitedEmail}
      />
      <Field
        name="password"
        label={t("fields.password")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("signUp.passwordHint", { min: PASSWORD_MIN_LENGTH, suggested: PASSWORD_SUGGESTED_LENGTH })}
      />
      <FormStatus />
      <SubmitButton className={`${buttonClass} w-full`}>{t("signUp.submit")}</SubmitButton>
    </ActionForm>
  );
}
