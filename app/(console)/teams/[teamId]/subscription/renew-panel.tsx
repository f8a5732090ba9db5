"use client";

import { useTranslations } from "next-intl";
import { startTransition, useEffect } from "react";
import { FormStatus, useFormAction } from "@/app/_components/form-status";
import { secondaryButtonClass } from "@/app/_components/ui";
import { previewRenewalAction, renewAction } from "./actions";
import type { PanelProps } from "./controls-state";
import { panelClass } from "./panels";
import { PricePreview } from "./price-preview";

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
