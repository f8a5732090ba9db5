"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/app/_components/form-parts";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import type { Plan } from "@/server/billing/plan-catalog";
import { confirmChangeAction, previewChangeAction } from "./actions";
import { type ControlsState, panelClass, submitKeepingFields } from "./controls-state";
import { PlanFields } from "./plan-fields";
import { PricePreview } from "./price-preview";

const FORM_ID = "subscription-change";

/** Change the seats, or the plan with its period and add-ons: preview the price, then confirm it. */
export function ChangePanel({
  state,
  plans,
  mode,
  onDone,
  onClose,
}: {
  state: ControlsState;
  plans: Plan[];
  mode: "seats" | "plan";
  onDone: (notice: string | null) => void;
  onClose: () => void;
}) {
  const t = useTranslations("subscription.change");
  const [preview, previewAction, pending] = useFormAction(previewChangeAction);
  // Any edit makes the shown price stale until the next preview.
  const [edited, setEdited] = useState(false);
  const [planCode, setPlanCode] = useState(state.planCode);
  const chosen = plans.find((plan) => plan.code === planCode);
  const previewed = preview.status === "done" && !edited ? preview.value : null;
  return (
    <div className={`${panelClass} space-y-4`}>
      <form
        className="space-y-4"
        aria-label={mode === "seats" ? t("seatsTitle") : t("planTitle")}
        onChange={() => setEdited(true)}
        onSubmit={(event) => {
          setEdited(false);
          submitKeepingFields(previewAction)(event);
        }}
        noValidate
      >
        <input type="hidden" name="teamId" value={state.teamId} />
        {mode === "plan" ? (
          <PlanFields
            state={state}
            plans={plans}
            planCode={planCode}
            onPlanChange={setPlanCode}
            preview={preview}
            errorId={refusalId(FORM_ID)}
          />
        ) : null}
        {state.product === "filemaker_cloud" ? (
          <Field
            id={`${FORM_ID}-seats`}
            name="change.seats"
            label={t("seats")}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            defaultValue={state.seats}
            hint={chosen ? t("seatsHint", { plan: chosen.name, minimum: chosen.minimumSeats }) : undefined}
            error={fieldError(preview, "change.seats")}
            errorId={refusalId(FORM_ID)}
          />
        ) : null}
        <FormStatus state={preview} id={refusalId(FORM_ID)} />
        <div className="flex gap-2">
          <button type="submit" className={previewed ? secondaryButtonClass : buttonClass} disabled={pending}>
            {t("preview")}
          </button>
          <button type="button" className={secondaryButtonClass} onClick={onClose}>
            {t("close")}
          </button>
        </div>
      </form>
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
