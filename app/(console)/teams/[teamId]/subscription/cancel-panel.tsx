"use client";

import { useLocale, useTranslations } from "next-intl";
import { FormStatus, fieldError, refusalId } from "@/app/_components/form-status";
import { buttonClass, inputClass, secondaryButtonClass } from "@/app/_components/ui";
import { formatDate } from "@/lib/format";
import { cancelAction } from "./actions";
import { type ControlsState, panelClass, submitKeepingFields, useFinishingAction } from "./controls-state";

const FORM_ID = "subscription-cancel";

/** Cancelling at the end of the period, with an optional reason. */
export function CancelPanel({
  state,
  onDone,
  onClose,
}: {
  state: ControlsState;
  onDone: (notice: string | null) => void;
  onClose: () => void;
}) {
  const t = useTranslations("subscription.cancel");
  const locale = useLocale();
  const [cancelled, cancel, pending] = useFinishingAction(cancelAction, onDone);
  const reasonError = fieldError(cancelled, "reason");
  return (
    <form className={panelClass} aria-label={t("title")} onSubmit={submitKeepingFields(cancel)}>
      <input type="hidden" name="teamId" value={state.teamId} />
      <input type="hidden" name="expectedVersion" value={state.version} />
      <p className="text-sm">{t("explanation", { date: formatDate(state.periodEnd, locale) })}</p>
      <div>
        <label htmlFor={`${FORM_ID}-reason`} className="mb-1 block text-sm font-medium">
          {t("reason")}
        </label>
        <textarea
          id={`${FORM_ID}-reason`}
          name="reason"
          className={inputClass}
          rows={2}
          maxLength={1000}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? refusalId(FORM_ID) : undefined}
        />
      </div>
      <FormStatus state={cancelled} id={refusalId(FORM_ID)} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {t("confirm")}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          {t("keep")}
        </button>
      </div>
    </form>
  );
}
