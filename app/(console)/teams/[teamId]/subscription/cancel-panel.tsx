"use client";

import { useLocale, useTranslations } from "next-intl";
import { TextAreaField } from "@/app/_components/form-parts";
import { formatDate } from "@/lib/format";
import { cancelAction } from "./actions";
import { type PanelProps, useFinishingAction } from "./controls-state";
import { PanelForm } from "./panel-form";

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
