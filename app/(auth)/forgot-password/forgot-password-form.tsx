"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { forgotPasswordAction } from "./actions";

const FORM_ID = "forgot-password";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [state, action, pending] = useFormAction(forgotPasswordAction);
  if (state.status === "done") return <FormStatus state={state} />;
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field
        id="email"
        name="email"
        label={t("fields.email")}
        type="email"
        autoComplete="username"
        required
        error={fieldError(state, "email")}
        errorId={refusalId(FORM_ID)}
      />
      <FormStatus state={state} id={refusalId(FORM_ID)} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {t("forgotPassword.submit")}
      </button>
    </form>
  );
}
