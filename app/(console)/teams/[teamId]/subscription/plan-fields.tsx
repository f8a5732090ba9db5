"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Field, SelectField } from "@/app/_components/form-parts";
import { formatCents, formatNumber } from "@/lib/format";
import type { Plan } from "@/server/billing/plan-catalog";
import type { ControlsState } from "./controls-state";

type AddOnKind = "storage" | "dataTransfer" | "requests";

/** The plan, its billing period and the add-ons the product sells, as a change form's fields. */
export function PlanFields({
  state,
  plans,
  planCode,
  onPlanChange,
}: {
  state: ControlsState;
  plans: Plan[];
  planCode: string;
  onPlanChange: (planCode: string) => void;
}) {
  const t = useTranslations("subscription.plan");
  const locale = useLocale();
  const [billingPeriod, setBillingPeriod] = useState(state.billingPeriod);
  const chosen = plans.find((plan) => plan.code === planCode);
  const money = (cents: number) => formatCents(cents, state.currency, locale);
  const addOnHint = (kind: AddOnKind) => {
    const addOn = chosen?.addOns.find((a) => a.kind === kind);
    if (!addOn) return undefined;
    return t("addOnHint", {
      step: formatNumber(addOn.unitSize, locale),
      monthly: money(addOn.prices.monthly),
      annual: money(addOn.prices.annual),
      unit: addOn.unitLabel,
    });
  };
  const addOnField = (name: string, label: string, kind: AddOnKind, value: number, step: number) => (
    <Field
      name={`change.${name}`}
      label={label}
      type="number"
      inputMode="numeric"
      min={0}
      step={step}
      defaultValue={value}
      hint={addOnHint(kind)}
    />
  );
  return (
    <>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t("plan")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {plans.map((plan) => (
            <label
              key={plan.code}
              className="flex cursor-pointer gap-2 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-blue-500 dark:border-slate-700"
            >
              <input
                type="radio"
                name="change.planCode"
                value={plan.code}
                checked={planCode === plan.code}
                onChange={() => onPlanChange(plan.code)}
              />
              <span>
                <span className="block font-medium">{plan.name}</span>
                <span className="block text-slate-600 dark:text-slate-400">
                  {t(plan.pricedPer === "seat" ? "pricePerSeat" : "price", {
                    price: money(plan.prices[billingPeriod]),
                    period: billingPeriod,
                  })}
                </span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {plan.product === "filemaker_cloud"
                    ? t("fileMakerIncludes", {
                        storage: plan.includedStorageGb,
                        transfer: plan.includedDataTransferGb,
                        compute: plan.computeSize ?? "—",
                        seats: plan.minimumSeats,
                      })
                    : t("connectIncludes", {
                        flows: plan.flows,
                        requests: formatNumber(plan.monthlyRequests, locale),
                      })}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="change.billingPeriod"
          label={t("billingPeriod")}
          value={billingPeriod}
          onChange={(e) => setBillingPeriod(e.target.value as "monthly" | "annual")}
        >
          <option value="monthly">{t("monthly")}</option>
          <option value="annual">{t("annual")}</option>
        </SelectField>
        {state.product === "filemaker_cloud" ? (
          <>
            {addOnField("extraStorageGb", t("extraStorage"), "storage", state.extraStorageGb, 10)}
            {addOnField("extraDataTransferGb", t("extraDataTransfer"), "dataTransfer", state.extraDataTransferGb, 100)}
          </>
        ) : (
          addOnField("extraRequests", t("extraRequests"), "requests", state.extraRequests, 10000)
        )}
      </div>
    </>
  );
}
