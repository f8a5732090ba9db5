"use client";

import { useActionState, useState } from "react";
import { Field, FormError } from "@/app/_components/form-parts";
import { buttonClass } from "@/app/_components/ui";
import { type SignInState, signInAction } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { step: "password" });
  const [useRecovery, setUseRecovery] = useState(false);
  return (
    <form action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {state.step === "password" ? (
        <>
          <Field
            id="email"
            name="email"
            label="Email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
          />
          <Field
            id="password"
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
          />
        </>
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Two-step verification is on for {state.email}.{" "}
            {useRecovery ? "Type one of your recovery codes." : "Type the code your authenticator app shows."}
          </p>
          {useRecovery ? (
            <Field id="recovery-code" name="recoveryCode" label="Recovery code" autoComplete="off" required autoFocus />
          ) : (
            <Field
              id="code"
              name="code"
              label="Authentication code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              autoFocus
            />
          )}
        </>
      )}
      <FormError message={state.error} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {state.step === "password" ? (pending ? "Signing in…" : "Sign in") : "Verify"}
      </button>
      {state.step === "code" ? (
        <button
          type="button"
          className="w-full text-sm text-blue-700 underline dark:text-blue-400"
          onClick={() => setUseRecovery(!useRecovery)}
        >
          {useRecovery ? "Use an authentication code instead" : "Use a recovery code instead"}
        </button>
      ) : null}
    </form>
  );
}
