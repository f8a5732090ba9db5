"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormStatus } from "@/app/_components/form-status";
import { buttonClass, inputClass, secondaryButtonClass } from "@/app/_components/ui";
import { addPaymentMethodAction } from "./actions";
import { type ControlsState, newKey, panelClass, submitKeepingFields, useFinishingAction } from "./controls-state";

/** Choosing how to pay; in a trial this starts the paid subscription. */
export function PaymentPanel({
  state,
  providers,
  onDone,
  onClose,
}: {
  state: ControlsState;
  providers: Array<{ id: string; label: string }>;
  onDone: (notice: string | null) => void;
  onClose: () => void;
}) {
  const t = useTranslations("subscription.payment");
  const [key] = useState(newKey);
  const [saved, save, pending] = useFinishingAction(addPaymentMethodAction, onDone);
  return (
    <form className={panelClass} aria-label={t("title")} onSubmit={submitKeepingFields(save)}>
      <input type="hidden" name="teamId" value={state.teamId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="expectedVersion" value={state.version} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("noCardNumbers")}
        {state.trial ? ` ${t("endsTrial")}` : ""}
      </p>
      <div>
        <label htmlFor="payment-provider" className="mb-1 block text-sm font-medium">
          {t("method")}
        </label>
        <select
          id="payment-provider"
          name="provider"
          className={`${inputClass} max-w-xs`}
          defaultValue={providers[0]?.id}
        >
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.label}
            </option>
          ))}
        </select>
      </div>
      <FormStatus state={saved} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {t("save")}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </form>
  );
}
