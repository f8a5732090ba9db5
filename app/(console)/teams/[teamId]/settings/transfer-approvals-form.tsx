"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { updateTransferApprovalsAction } from "./actions";

/** Settings → Account transfers: whether a manager must allow people moving in, and out. */
export function TransferApprovalsForm(props: {
  teamId: string;
  transferInRequiresApproval: boolean;
  transferOutRequiresApproval: boolean;
}) {
  const t = useTranslations("accountTransfers.settings");
  const [state, action, pending] = useFormAction(updateTransferApprovalsAction);
  const id = useId();
  // The hint describes its box rather than naming it, so each box's name is its label alone.
  const box = (name: "transferInRequiresApproval" | "transferOutRequiresApproval", label: string, hint: string) => (
    <div className="flex items-start gap-3 text-sm">
      <input
        type="checkbox"
        id={`${id}-${name}`}
        name={name}
        defaultChecked={props[name]}
        aria-describedby={`${id}-${name}-hint`}
        className="mt-1 h-4 w-4"
      />
      <span>
        <label htmlFor={`${id}-${name}`} className="font-medium">
          {label}
        </label>
        <span id={`${id}-${name}-hint`} className="block text-slate-600 dark:text-slate-400">
          {hint}
        </span>
      </span>
    </div>
  );
  return (
    <ActionForm state={state} pending={pending} action={action} className="max-w-lg space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("explanation")}</p>
      <input type="hidden" name="teamId" value={props.teamId} />
      {box("transferInRequiresApproval", t("in"), t("inHint"))}
      {box("transferOutRequiresApproval", t("out"), t("outHint"))}
      <FormStatus />
      <SubmitButton className={buttonClass}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
