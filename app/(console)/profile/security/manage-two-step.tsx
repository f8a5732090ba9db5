"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { secondaryButtonClass } from "@/app/_components/ui";
import { disableTwoStepAction, newRecoveryCodesAction } from "./actions";
import { RecoveryCodeList } from "./recovery-code-list";

export function NewRecoveryCodes() {
  const t = useTranslations("profile.security.twoStep");
  const [state, action, pending] = useFormAction(newRecoveryCodesAction);
  if (state.status === "done") return <RecoveryCodeList codes={state.value} />;
  return (
    <ActionForm state={state} pending={pending} action={action} className="max-w-md space-y-3" noValidate>
      <Field name="password" label={t("password")} type="password" autoComplete="current-password" />
      <FormStatus />
      <SubmitButton className={secondaryButtonClass}>{t("replaceRecoveryCodes")}</SubmitButton>
    </ActionForm>
  );
}

export function DisableTwoStep() {
  const t = useTranslations("profile.security.twoStep");
  const [state, action, pending] = useFormAction(disableTwoStepAction);
  if (state.status === "done") return <FormStatus state={state} />;
  return (
    <ActionForm state={state} pending={pending} action={action} className="max-w-md space-y-3" noValidate>
      <Field name="password" label={t("password")} type="password" autoComplete="current-password" />
      <Field name="code" label={t("code")} inputMode="numeric" autoComplete="one-time-code" />
      <FormStatus />
      <SubmitButton className={secondaryButtonClass}>{t("turnOff")}</SubmitButton>
    </ActionForm>
  );
}
