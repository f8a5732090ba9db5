"use client";

import { useActionState } from "react";
import { Field, FormError, FormNotice } from "@/app/_components/form-parts";
import { buttonClass } from "@/app/_components/ui";
import { type ForgotPasswordState, forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<ForgotPasswordState, FormData>(forgotPasswordAction, {});
  if (state.sentTo) {
    return (
      <FormNotice>
        If an account exists for {state.sentTo}, a link to choose a new password is on its way. It works once, for an
        hour.
      </FormNotice>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field id="email" name="email" label="Email" type="email" autoComplete="username" required />
      <FormError message={state.error} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        Send reset link
      </button>
    </form>
  );
}
