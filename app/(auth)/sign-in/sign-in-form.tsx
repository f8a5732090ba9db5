"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import type { FormState } from "@/app/_lib/form-state";
import { type SecondStep, secondStepAction, signInAction } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useFormAction(signInAction);
  // Kept by the form, so a refused sign-in does not make the person type the address again.
  const [email, setEmail] = useState("");
  const passwordStep = (shown: FormState<unknown>) => (
    <ActionForm state={shown} pending={pending} action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field
        name="email"
        label={t("fields.email")}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Field name="password" label={t("fields.password")} type="password" autoComplete="current-password" required />
      <FormStatus />
      <SubmitButton className={`${buttonClass} w-full`} busy={t("signIn.submitting")}>
        {t("signIn.submit")}
      </SubmitButton>
    </ActionForm>
  );
  if (state.status === "done" && state.value) {
    return <SecondStepForm key={state.value.challenge} {...state.value} next={next} startAgain={passwordStep} />;
  }
  return passwordStep(state);
}

/** The code of an account with two-step verification; a sign-in that can go no further starts again at the password. */
function SecondStepForm({
  email,
  challenge,
  next,
  startAgain,
}: SecondStep & { next?: string; startAgain: (refusal: FormState<unknown>) => ReactNode }) {
  const t = useTranslations("auth.secondStep");
  const [state, action, pending] = useFormAction(secondStepAction);
  const [useRecovery, setUseRecovery] = useState(false);
  if (state.status === "refused" && state.fieldErrors.challenge) return startAgain(state);
  return (
    <ActionForm state={state} pending={pending} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="challenge" value={challenge} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("intro", { email })} {useRecovery ? t("typeRecoveryCode") : t("typeAppCode")}
      </p>
      {useRecovery ? (
        <Field name="recoveryCode" label={t("recoveryCode")} autoComplete="off" required autoFocus />
      ) : (
        <Field name="code" label={t("code")} inputMode="numeric" autoComplete="one-time-code" required autoFocus />
      )}
      <FormStatus />
      <SubmitButton className={`${buttonClass} w-full`}>{t("submit")}</SubmitButton>
      <button
        type="button"
        className="w-full text-sm text-blue-700 underline dark:text-blue-400"
        onClick={() => setUseRecovery(!useRecovery)}
      >
        {useRecovery ? t("useAppCode") : t("useRecoveryCode")}
      </button>
    </ActionForm>
  );
}
