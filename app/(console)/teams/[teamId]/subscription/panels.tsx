"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ComponentProps, type FormEvent, startTransition, useState } from "react";
import { SelectField, TextAreaField } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import type { FormState } from "@/app/_lib/form-state";
import { formatDate } from "@/lib/format";
import { addPaymentMethodAction, cancelAction } from "./actions";
import { newKey, type PanelProps, useFinishingAction } from "./controls-state";

export const panelClass = "space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800";

/**
 * A panel of the owner's controls as a form: its fields, what became of it, and its two buttons.
 * It submits without React's reset afterwards, so what the owner typed stays in the fields
 * beside the preview or the refusal.
 */
export function PanelForm({
  state,
  pending,
  dispatch,
  submit,
  submitClass = buttonClass,
  close,
  onClose,
  children,
  ...form
}: {
  state: FormState<unknown>;
  pending: boolean;
  dispatch: (form: FormData) => void;
  submit: string;
  submitClass?: string;
  close: string;
  onClose: () => void;
} & Omit<ComponentProps<"form">, "onSubmit">) {
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return (
    <ActionForm state={state} pending={pending} className={panelClass} onSubmit={send} {...form}>
      {children}
      <FormStatus />
      <div className="flex gap-2">
        <SubmitButton className={submitClass}>{submit}</SubmitButton>
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          {close}
        </button>
      </div>
    </ActionForm>
  );
}

/** Cancelling at the end of the period, with an optional reason. */
export function CancelPanel({ state, onDone, onClose }: PanelProps) {
  const t = useTranslations("subscription.cancel");
  const locale = useLocale();
  const [cancelled, cancel, pending] = useFinishingAction(cancelAction, onDone);
  return (
    <PanelForm
      aria-label={t("title")}
      state={cancelled}
      pending={pending}
      dispatch={cancel}
      submit={t("confirm")}
      close={t("keep")}
      onClose={onClose}
    >
      <input type="hidden" name="teamId" value={state.teamId} />
      <input type="hidden" name="expectedVersion" value={state.version} />
      <p className="text-sm">{t("explanation", { date: formatDate(state.periodEnd, locale) })}</p>
      <TextAreaField name="reason" label={t("reason")} rows={2} maxLength={1000} />
    </PanelForm>
  );
}

/** Choosing how to pay; in a trial this starts the paid subscription. */
export function PaymentPanel({
  state,
  providers,
  onDone,
  onClose,
}: PanelProps & { providers: Array<{ id: string; label: string }> }) {
  const t = useTranslations("subscription.payment");
  const [key] = useState(newKey);
  const [saved, save, pending] = useFinishingAction(addPaymentMethodAction, onDone);
  return (
    <PanelForm
      aria-label={t("title")}
      state={saved}
      pending={pending}
      dispatch={save}
      submit={t("save")}
      close={t("close")}
      onClose={onClose}
    >
      <input type="hidden" name="teamId" value={state.teamId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="expectedVersion" value={state.version} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("noCardNumbers")}
        {state.trial ? ` ${t("endsTrial")}` : ""}
      </p>
      <SelectField name="provider" label={t("method")} className="max-w-xs" defaultValue={providers[0]?.id}>
        {providers.map((provider) => (
          <option key={provider.id} value={provider.id}>
            {provider.label}
          </option>
        ))}
      </SelectField>
    </PanelForm>
  );
}
