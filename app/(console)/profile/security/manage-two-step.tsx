"use client";

import { useActionState } from "react";
import { Field, FormError, FormNotice } from "@/app/_components/form-parts";
import { secondaryButtonClass } from "@/app/_components/ui";
import { disableTwoStepAction, newRecoveryCodesAction, type PasswordAndCodeState } from "./actions";
import { RecoveryCodeList } from "./recovery-code-list";

export function NewRecoveryCodes() {
  const [state, action, pending] = useActionState<PasswordAndCodeState, FormData>(newRecoveryCodesAction, {});
  if (state.recoveryCodes) return <RecoveryCodeList codes={state.recoveryCodes} />;
  return (
    <form action={action} className="max-w-md space-y-3" noValidate>
      <Field id="codes-password" name="password" label="Password" type="password" autoComplete="current-password" />
      <FormError message={state.error} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        Replace recovery codes
      </button>
    </form>
  );
}

export function DisableTwoStep() {
  const [state, action, pending] = useActionState<PasswordAndCodeState, FormData>(disableTwoStepAction, {});
  if (state.done) return <FormNotice>Two-step verification is off.</FormNotice>;
  return (
    <form action={action} className="max-w-md space-y-3" noValidate>
      <Field id="disable-password" name="password" label="Password" type="password" autoComplete="current-password" />
      <Field
        id="disable-code"
        name="code"
        label="Authentication code"
        inputMode="numeric"
        autoComplete="one-time-code"
      />
      <FormError message={state.error} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        Turn off two-step verification
      </button>
    </form>
  );
}
