"use client";

import { useTranslations } from "next-intl";
import { FormStatus } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { reactivateAction } from "./actions";
import { type ControlsState, useFinishingAction } from "./controls-state";

/** Takes back a cancellation: the subscription renews again at the end of the period. */
export function ReactivateButton({ state, onDone }: { state: ControlsState; onDone: (notice: string | null) => void }) {
  const t = useTranslations("subscription.controls");
  const [status, action, pending] = useFinishingAction(reactivateAction, onDone);
  return (
    <form action={action} className="contents">
      <input type="hidden" name="teamId" value={state.teamId} />
      <input type="hidden" name="expectedVersion" value={state.version} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {t("reactivate")}
      </button>
      <div className="basis-full">
        <FormStatus state={status} />
      </div>
    </form>
  );
}
