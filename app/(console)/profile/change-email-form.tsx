"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { secondaryButtonClass } from "@/app/_components/ui";
import { requestEmailChangeAction } from "./actions";

const FORM_ID = "change-email";

export function ChangeEmailForm() {
  const t = useTranslations("profile.email");
  const [state, action, pending] = useFormAction(requestEmailChangeAction);
  return (
    <form action={action} aria-label={t("formName")} className="max-w-md space-y-4" noValidate>
      <Field
        id="email-new"
        name="newEmail"
        label={t("newEmail")}
        type="email"
        autoComplete="email"
        required
        error={fieldError(state, "newEmail")}
        errorId={refusalId(FORM_ID)}
      />
      <Field
        id="email-password"
        name="password"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
        error={fieldError(state, "password")}
        errorId={refusalId(FORM_ID)}
      />
      <FormStatus state={state} id={refusalId(FORM_ID)} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {pending ? t("sending") : t("send")}
      </button>
    </form>
  );
}
