"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormError, FormNotice } from "@/app/_components/form-parts";
import { buttonClass } from "@/app/_components/ui";
import { type ConfirmEmailState, confirmEmailAction } from "./actions";

export function ConfirmEmailForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ConfirmEmailState, FormData>(confirmEmailAction, {});
  if (state.email) {
    return (
      <div className="space-y-4">
        <FormNotice>Your email address is now {state.email}. Sign in with it from now on.</FormNotice>
        <Link href="/profile" className={`${buttonClass} w-full`}>
          Go to your profile
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Confirm that this address, where you read the link, becomes the email of your Customer Console account.
      </p>
      <FormError message={state.error} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? "Confirming…" : "Confirm new email"}
      </button>
    </form>
  );
}
