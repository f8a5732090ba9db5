"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SelectField } from "@/app/_components/form-parts";
import { addPaymentMethodAction } from "./actions";
import { newKey, type PanelProps, useFinishingAction } from "./controls-state";
import { PanelForm } from "./panel-form";

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
