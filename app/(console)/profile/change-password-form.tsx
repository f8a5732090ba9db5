"use client";

import { useActionState } from "react";
import { Field, FormError, FormNotice } from "@/app/_components/form-parts";
import { secondaryButtonClass } from "@/app/_components/ui";
import { changePasswordAction, type ProfileFormState } from "./actions";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ProfileFormState, FormData>(changePasswordAction, {});
  return (
    <form action={action} aria-label="Change password" className="max-w-md space-y-4" noValidate>
      <Field
        id="password-current"
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Field
        id="password-new"
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters; 15 or more is better, for example a few unrelated words. Your other sessions will be signed out."
      />
      <FormError message={state.error} />
      {state.notice ? <FormNotice>{state.notice}</FormNotice> : null}
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
