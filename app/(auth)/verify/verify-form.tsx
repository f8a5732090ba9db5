"use client";

import { useTranslations } from "next-intl";
import { Field, KeptField } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { verifyAction } from "./actions";

export function VerifyForm({ email: sentTo, next }: { email?: string; next?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useFormAction(verifyAction);
  return (
    <ActionForm state={state} pending={pending} action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <KeptField
        name="email"
        label={t("fields.email")}
        type="email"
        autoComplete="email"
        required
        defaultValue={sentTo}
      />
      <Field
        name="code"
        label={t("verify.code")}
        inputMode="numeric"
        autoComplete="one-time-code"
        hint={t("verify.codeHint")}
      />
      <FormStatus />
      <SubmitButton name="intent" value="verify" className={`${buttonClass} w-full`}>
        {t("verify.submit")}
      </SubmitButton>
      <SubmitButton name="intent" value="resend" className={`${secondaryButtonClass} w-full`}>
        {t("verify.resend")}
      </SubmitButton>
    </ActionForm>
  );
}
