"use client";

import { useActionState } from "react";
import { Field, FormError } from "@/app/_components/form-parts";
import { buttonClass } from "@/app/_components/ui";
import { type SignUpState, signUpAction } from "./actions";

export function SignUpForm({ email, next }: { email?: string; next?: string }) {
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUpAction, { email });
  return (
    <form action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="name" name="name" label="Name" autoComplete="name" required defaultValue={state.name} />
      <Field
        id="email"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.email}
      />
      <Field
        id="password"
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters; 15 or more is better. A few unrelated words make a strong password."
      />
      <FormError message={state.error} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        Create account
      </button>
    </form>
  );
}
