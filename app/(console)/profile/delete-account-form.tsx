"use client";

import { useActionState } from "react";
import { Field, FormError } from "@/app/_components/form-parts";
import { deleteAccountAction, type ProfileFormState } from "./actions";

const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md bg-red-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-500 disabled:opacity-60";

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState<ProfileFormState, FormData>(deleteAccountAction, {});
  return (
    <form action={action} aria-label="Delete my account" className="max-w-md space-y-4" noValidate>
      <Field
        id="delete-password"
        name="password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        hint="Typed again to confirm that it is you. This cannot be undone."
      />
      <FormError message={state.error} />
      <button type="submit" className={dangerButtonClass} disabled={pending}>
        {pending ? "Deleting…" : "Delete my account"}
      </button>
    </form>
  );
}
