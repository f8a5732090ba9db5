"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { deleteAccountAction } from "./actions";

const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md bg-red-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-500 disabled:opacity-60";

export function DeleteAccountForm() {
  const t = useTranslations("profile.deleteAccount");
  const [state, action, pending] = useFormAction(deleteAccountAction);
  return (
    <ActionForm
      state={state}
      pending={pending}
      action={action}
      aria-label={t("title")}
      className="max-w-md space-y-4"
      noValidate
    >
      <Field
        id="delete-password"
        name="password"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
        hint={t("passwordHint")}
      />
      <FormStatus />
      <SubmitButton className={dangerButtonClass} busy={t("deleting")}>
        {t("title")}
      </SubmitButton>
    </ActionForm>
  );
}
