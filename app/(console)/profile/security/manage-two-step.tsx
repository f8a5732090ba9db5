"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { secondaryButtonClass } from "@/app/_components/ui";
import { disableTwoStepAction, newRecoveryCodesAction } from "./actions";
import { RecoveryCodeList } from "./recovery-code-list";

const CODES_FORM_ID = "new-recovery-codes";
const DISABLE_FORM_ID = "disable-two-step";

export function NewRecoveryCodes() {
  const t = useTranslations("profile.security.twoStep");
  const [state, action, pending] = useFormAction(newRecoveryCodesAction);
  if (state.status === "done") return <RecoveryCodeList codes={state.value} />;
  return (
    <form action={action} className="max-w-md space-y-3" noValidate>
      <Field
        id="codes-password"
        name="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        error={fieldError(state, "password")}
        errorId={refusalId(CODES_FORM_ID)}
      />
      <FormStatus state={state} id={refusalId(CODES_FORM_ID)} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {t("replaceRecoveryCodes")}
      </button>
    </form>
  );
}

export function DisableTwoStep() {
  const t = useTranslations("profile.security.twoStep");
  const [state, action, pending] = useFormAction(disableTwoStepAction);
  if (state.status === "done") return <FormStatus state={state} />;
  return (
    <form action={action} className="max-w-md space-y-3" noValidate>
      <Field
        id="disable-password"
        name="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        error={fieldError(state, "password")}
        errorId={refusalId(DISABLE_FORM_ID)}
      />
      <Field
        id="disable-code"
        name="code"
        label={t("code")}
        inputMode="numeric"
        autoComplete="one-time-code"
        error={fieldError(state, "code")}
        errorId={refusalId(DISABLE_FORM_ID)}
      />
      <FormStatus state={state} id={refusalId(DISABLE_FORM_ID)} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {t("turnOff")}
      </button>
    </form>
  );
}
