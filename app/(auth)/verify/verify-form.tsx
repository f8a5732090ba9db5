"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/app/_components/form-parts";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { verifyAction } from "./actions";

const FORM_ID = "verify";

export function VerifyForm({ email: sentTo, next }: { email?: string; next?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useFormAction(verifyAction);
  // Kept by the form, so a refused code does not make the person type the address again.
  const [email, setEmail] = useState(sentTo ?? "");
  return (
    <form action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field
        id="email"
        name="email"
        label={t("fields.email")}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fieldError(state, "email")}
        errorId={refusalId(FORM_ID)}
      />
      <Field
        id="code"
        name="code"
        label={t("verify.code")}
        inputMode="numeric"
        autoComplete="one-time-code"
        hint={t("verify.codeHint")}
        error={fieldError(state, "code")}
        errorId={refusalId(FORM_ID)}
      />
      <FormStatus state={state} id={refusalId(FORM_ID)} />
      <button type="submit" name="intent" value="verify" className={`${buttonClass} w-full`} disabled={pending}>
        {t("verify.submit")}
      </button>
      <button
        type="submit"
        name="intent"
        value="resend"
        className={`${secondaryButtonClass} w-full`}
        disabled={pending}
      >
        {t("verify.resend")}
      </button>
    </form>
  );
}
