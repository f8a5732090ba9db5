"use client";

import { useActionState } from "react";
import { Field, FormError, FormNotice } from "@/app/_components/form-parts";
import { secondaryButtonClass } from "@/app/_components/ui";
import { type ProfileFormState, requestEmailChangeAction } from "./actions";

export function ChangeEmailForm() {
  const [state, action, pending] = useActionState<ProfileFormState, FormData>(requestEmailChangeAction, {});
  return (
    <form action={action} aria-label="Change email" className="max-w-md space-y-4" noValidate>
      <Field id="email-new" name="newEmail" label="New email" type="email" autoComplete="email" required />
      <Field
        id="email-password"
        name="password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
      />
      <FormError message={state.error} />
      {state.notice ? <FormNotice>{state.notice}</FormNotice> : null}
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {pending ? "Sending…" : "Send confirmation link"}
      </button>
    </form>
  );
}
