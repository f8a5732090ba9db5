"use client";

import { useActionState } from "react";
import { Field, FormError, FormNotice } from "@/app/_components/form-parts";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { type VerifyState, verifyAction } from "./actions";

export function VerifyForm({ email, next }: { email?: string; next?: string }) {
  const [state, action, pending] = useActionState<VerifyState, FormData>(verifyAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="email" name="email" label="Email" type="email" autoComplete="email" required defaultValue={email} />
      <Field
        id="code"
        name="code"
        label="Verification code"
        inputMode="numeric"
        autoComplete="one-time-code"
        hint="Six digits, from the mail we sent."
      />
      <FormError message={state.error} />
      {state.notice ? <FormNotice>{state.notice}</FormNotice> : null}
      <button type="submit" name="intent" value="verify" className={`${buttonClass} w-full`} disabled={pending}>
        Verify
      </button>
      <button
        type="submit"
        name="intent"
        value="resend"
        className={`${secondaryButtonClass} w-full`}
        disabled={pending}
      >
        Send a new code
      </button>
    </form>
  );
}
