"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { secondaryButtonClass } from "@/app/_components/ui";
import { requestEmailChangeAction } from "./actions";

export function ChangeEmailForm() {
  const t = useTranslations("profile.email");
  const [state, action, pending] = useFormAction(requestEmailChangeAction);
  return (
    <ActionForm
      state={state}
      pending={pending}
      action={action}
      aria-label={t("formName")}
      className="max-w-md space-y-4"
      noValidate
    >
      <Field id="email-new" name="newEmail" label={t("newEmail")} type="email" autoComplete="email" required />
      <Field
        id="email-password"
        name="password"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
      />
      <FormStatus />
      <SubmitButton className={secondaryButtonClass} busy={t("sending")}>
        {t("send")}
      </SubmitButton>
    </ActionForm>
  );
}
