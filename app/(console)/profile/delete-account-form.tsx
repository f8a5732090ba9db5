"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { deleteAccountAction } from "./actions";

const FORM_ID = "delete-account";

const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md bg-red-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-500 disabled:opacity-60";

export function DeleteAccountForm() {
  const t = useTranslations("profile.deleteAccount");
  const [state, action, pending] = useFormAction(deleteAccountAction);
  return (
    <form action={action} aria-label={t("title")} className="max-w-md space-y-4" noValidate>
      <Field
        id="delete-password"
        name="password"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
        hint={t("passwordHint")}
        error={fieldError(state, "password")}
        errorId={refusalId(FORM_ID)}
      />
      <FormStatus state={state} id={refusalId(FORM_ID)} />
      <button type="submit" className={dangerButtonClass} disabled={pending}>
        {pending ? t("deleting") : t("title")}
      </button>
    </form>
  );
}
