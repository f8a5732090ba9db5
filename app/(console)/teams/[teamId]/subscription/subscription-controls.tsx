"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Notice } from "@/app/_components/alert";
import { FormStatus } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import type { Plan } from "@/server/billing/plan-catalog";
import { reactivateAction } from "./actions";
import { type ControlsState, useFinishingAction } from "./controls-state";
import { CancelPanel, ChangePanel, PaymentPanel, RenewPanel } from "./panels";

type Panel = "seats" | "plan" | "cancel" | "renew" | "payment" | null;

/** The owner's controls: change seats or plan (preview, then confirm), cancel, reactivate, renew. */
export function SubscriptionControls({
  state,
  plans,
  providers,
}: {
  state: ControlsState;
  plans: Plan[];
  providers: Array<{ id: string; label: string }>;
}) {
  const t = useTranslations("subscription.controls");
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (next: Panel) => {
    setPanel(next);
    setNotice(null);
  };
  const toggle = (which: Exclude<Panel, null>, label: string) => (
    <button
      type="button"
      className={secondaryButtonClass}
      aria-expanded={panel === which}
      onClick={() => open(panel === which ? null : which)}
    >
      {label}
    </button>
  );
  const finish = (message: string | null) => {
    setPanel(null);
    setNotice(message);
  };
  const panelProps = { state, onDone: finish, onClose: () => open(null) };
  // Taking back a cancellation: the subscription renews again at the end of the period.
  const [reactivated, reactivate, reactivating] = useFinishingAction(reactivateAction, finish);

  const fileMaker = state.product === "filemaker_cloud";
  return (
    <div className="space-y-4">
      {notice ? <Notice>{notice}</Notice> : null}

      {state.ended ? (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClass} onClick={() => open("renew")}>
            {t("renew")}
          </button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {fileMaker ? toggle("seats", t("changeSeats")) : null}
          {toggle("plan", t("changePlan"))}
          {state.trial || !state.hasPaymentMethod ? toggle("payment", t("addPaymentMethod")) : null}
          {state.cancelAtPeriodEnd ? (
            <form action={reactivate} className="contents">
              <input type="hidden" name="teamId" value={state.teamId} />
              <input type="hidden" name="expectedVersion" value={state.version} />
              <button type="submit" className={buttonClass} disabled={reactivating}>
                {t("reactivate")}
              </button>
              <div className="basis-full">
                <FormStatus state={reactivated} />
              </div>
            </form>
          ) : (
            toggle("cancel", t("cancel"))
          )}
        </div>
      )}

      {panel === "seats" || panel === "plan" ? (
        <ChangePanel key={panel} {...panelProps} plans={plans} mode={panel} />
      ) : null}
      {panel === "renew" ? <RenewPanel {...panelProps} /> : null}
      {panel === "payment" ? <PaymentPanel {...panelProps} providers={providers} /> : null}
      {panel === "cancel" ? <CancelPanel {...panelProps} /> : null}
    </div>
  );
}
