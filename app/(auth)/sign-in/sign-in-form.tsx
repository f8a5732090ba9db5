"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useState } from "react";
import { Notice } from "@/app/_components/alert";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import type { FormState } from "@/app/_lib/form-state";
import { type SecondStep, type SsoChoice, secondStepAction, signInAction, ssoSignInAction } from "./actions";

/**
 * Email and password, or Sign in with SSO on the same email: each button runs its own action,
 * and the form shows what became of the one pressed last.
 */
export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useFormAction(signInAction);
  const [ssoState, ssoAction, ssoPending] = useFormAction(ssoSignInAction);
  const [ssoPressedLast, setSsoPressedLast] = useState(false);
  // Kept by the form, so a refused sign-in does not make the person type the address again.
  const [email, setEmail] = useState("");
  const signInWithPassword = (form: FormData) => {
    setSsoPressedLast(false);
    action(form);
  };
  const signInWithSso = (form: FormData) => {
    setSsoPressedLast(true);
    ssoAction(form);
  };
  const passwordStep = (shown: FormState<unknown>) => (
    <ActionForm
      state={ssoPressedLast ? ssoState : shown}
      pending={pending || ssoPending}
      action={signInWithPassword}
      className="space-y-4"
      noValidate
    >
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
      <button
        type="submit"
        formAction={signInWithSso}
        disabled={pending || ssoPending}
        className={`${secondaryButtonClass} w-full`}
      >
        {ssoPending ? t("sso.looking") : t("sso.submit")}
      </button>
      {ssoPressedLast && ssoState.status === "done" ? <SsoChoices providers={ssoState.value} /> : null}
    </ActionForm>
  );
  if (!ssoPressedLast && state.status === "done" && state.value) {
    return <SecondStepForm key={state.value.challenge} {...state.value} next={next} startAgain={passwordStep} />;
  }
  return passwordStep(state);
}

/** One provider: on to it at once (its start route sends the browser off-site). Several: the person chooses. */
function SsoChoices({ providers }: { providers: SsoChoice[] }) {
  const t = useTranslations("auth.sso");
  const only = providers.length === 1 ? providers[0] : undefined;
  useEffect(() => {
    if (only) window.location.assign(only.startUrl);
  }, [only]);
  if (only) return <Notice>{t("goingTo", { provider: only.name })}</Notice>;
  return (
    <section aria-labelledby="sso-choices" className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800">
      <h2 id="sso-choices" className="text-sm font-semibold">
        {t("choose")}
      </h2>
      <ul className="space-y-2">
        {providers.map((provider) => (
          <li key={provider.id}>
            <a href={provider.startUrl} className={`${secondaryButtonClass} w-full`}>
              {t("continueWith", { provider: provider.name })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
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
