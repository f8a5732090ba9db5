"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Field, SelectField } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { formatCents } from "@/lib/format";
import type { Plan } from "@/server/billing/plan-catalog";
import type { TeamProduct } from "@/server/permissions";
import { createTeamAction } from "./actions";

export function CreateTeamForm({
  products,
  plans,
  currency,
}: {
  products: Array<{ value: TeamProduct; label: string }>;
  plans: Record<TeamProduct, Plan[]>;
  currency: string;
}) {
  const t = useTranslations("team.create");
  const locale = useLocale();
  const [state, action, pending] = useFormAction(createTeamAction);
  const [product, setProduct] = useState<TeamProduct>(products[0]!.value);
  const offered = plans[product];
  // The cheapest plan is chosen until the person picks another; a change of product starts over.
  const [planCode, setPlanCode] = useState(offered[0]?.code ?? "");
  const money = (cents: number) => formatCents(cents, currency, locale);
  return (
    <ActionForm state={state} pending={pending} action={action} keepFields className="max-w-2xl space-y-5">
      <SelectField
        name="product"
        label={t("product")}
        hint={t("productHint")}
        value={product}
        onChange={(event) => {
          const next = event.target.value as TeamProduct;
          setProduct(next);
          setPlanCode(plans[next][0]?.code ?? "");
        }}
      >
        {products.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <Field name="name" label={t("name")} hint={t("nameHint")} maxLength={100} autoComplete="organization" required />
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t("plan")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {offered.map((plan) => (
            <label
              key={plan.code}
              className="flex cursor-pointer gap-2 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-blue-500 dark:border-slate-700"
            >
              <input
                type="radio"
                name="planCode"
                value={plan.code}
                checked={planCode === plan.code}
                onChange={() => setPlanCode(plan.code)}
              />
              <span>
                <span className="block font-medium">{plan.name}</span>
                <span className="block text-slate-600 dark:text-slate-400">
                  {plan.pricedPer === "seat"
                    ? t("perSeat", { price: money(plan.prices.monthly), seats: plan.minimumSeats })
                    : t("perPlan", { price: money(plan.prices.monthly), flows: plan.flows })}
                </span>
              </span>
            </label>
          ))}
        </div>
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t("trialNote")}</p>
      </fieldset>
      <FormStatus />
      <SubmitButton className={buttonClass} busy={t("busy")}>
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
