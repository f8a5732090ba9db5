"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/app/_components/form-parts";
import { useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import type { Plan } from "@/server/billing/plan-catalog";
import { confirmChangeAction, previewChangeAction } from "./actions";
import type { PanelProps } from "./controls-state";
import { PanelForm, panelClass } from "./panels";
import { PlanFields } from "./plan-fields";
import { PricePreview } from "./price-preview";

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
