"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ComponentProps, startTransition, useEffect, useState } from "react";
import { Field, SelectField, TextAreaField } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { formatDate } from "@/lib/format";
import type { Plan } from "@/server/billing/plan-catalog";
import {
  addPaymentMethodAction,
  cancelAction,
  confirmChangeAction,
  previewChangeAction,
  previewRenewalAction,
  renewAction,
} from "./actions";
import { newKey, type PanelProps, useFinishingAction } from "./controls-state";
import { PlanFields } from "./plan-fields";
import { PricePreview } from "./price-preview";

const panelClass = "space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800";

/** A panel of the owner's controls as a form: its fields, what became of it, and its two buttons. */
function PanelForm({
  submit,
  submitClass = buttonClass,
  close,
  onClose,
  children,
  ...form
}: {
  submit: string;
  submitClass?: string;
  close: string;
  onClose: () => void;
} & ComponentProps<typeof ActionForm>) {
  return (
    <ActionForm className={panelClass} keepFields {...form}>
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
      action={cancel}
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
      action={save}
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

/** Renewing an ended subscription: priced as soon as the panel opens, then confirmed. */
export function RenewPanel({ state, onDone, onClose }: PanelProps) {
  const t = useTranslations("subscription.renew");
  const [preview, priceRenewal, pending] = useFormAction(previewRenewalAction);
  useEffect(() => {
    const form = new FormData();
    form.set("teamId", state.teamId);
    startTransition(() => priceRenewal(form));
  }, [state.teamId, priceRenewal]);
  return (
    <div className={panelClass}>
      <p className="text-sm">{t("explanation")}</p>
      <FormStatus state={preview} />
      {preview.status === "done" ? (
        <PricePreview
          state={state}
          previewed={preview.value}
          action={renewAction}
          confirmLabel={t("confirm")}
          onDone={onDone}
        />
      ) : pending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("pricing")}</p>
      ) : null}
      <button type="button" className={secondaryButtonClass} onClick={onClose}>
        {t("close")}
      </button>
    </div>
  );
}

/** Change the seats, or the plan with its period and add-ons: preview the price, then confirm it. */
export function ChangePanel({
  state,
  plans,
  mode,
  onDone,
  onClose,
}: PanelProps & { plans: Plan[]; mode: "seats" | "plan" }) {
  const t = useTranslations("subscription.change");
  const [preview, previewAction, pending] = useFormAction(previewChangeAction);
  // Any edit makes the shown price stale until the next preview.
  const [edited, setEdited] = useState(false);
  const [planCode, setPlanCode] = useState(state.planCode);
  const chosen = plans.find((plan) => plan.code === planCode);
  const previewed = preview.status === "done" && !edited ? preview.value : null;
  return (
    <div className={`${panelClass} space-y-4`}>
      <PanelForm
        className="space-y-4"
        aria-label={mode === "seats" ? t("seatsTitle") : t("planTitle")}
        onChange={() => setEdited(true)}
        state={preview}
        pending={pending}
        action={(form) => {
          setEdited(false);
          previewAction(form);
        }}
        submit={t("preview")}
        submitClass={previewed ? secondaryButtonClass : buttonClass}
        close={t("close")}
        onClose={onClose}
        noValidate
      >
        <input type="hidden" name="teamId" value={state.teamId} />
        {mode === "plan" ? (
          <PlanFields state={state} plans={plans} planCode={planCode} onPlanChange={setPlanCode} />
        ) : null}
        {state.product === "filemaker_cloud" ? (
          <Field
            name="change.seats"
            label={t("seats")}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            defaultValue={state.seats}
            hint={chosen ? t("seatsHint", { plan: chosen.name, minimum: chosen.minimumSeats }) : undefined}
          />
        ) : null}
      </PanelForm>
      {previewed ? (
        <PricePreview
          state={state}
          previewed={previewed}
          action={confirmChangeAction}
          confirmLabel={t("confirm")}
          onDone={onDone}
        />
      ) : null}
    </div>
  );
}
