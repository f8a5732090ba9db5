"use client";

import { useActionState } from "react";
import { Field, FormError } from "@/app/_components/form-parts";
import { buttonClass } from "@/app/_components/ui";
import { type ResetPasswordState, resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field
        id="password"
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters; 15 or more is better. Every session of the account will be signed out."
      />
      <FormError message={state.error} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        Set new password
      </button>
    </form>
  );
}
