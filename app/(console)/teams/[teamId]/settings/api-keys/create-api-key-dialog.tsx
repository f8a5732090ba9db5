"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/app/_components/dialog";
import { Checkbox, Field, SelectField } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { createApiKeyAction } from "./actions";
import { NewApiKeySecret } from "./new-api-key-secret";

export interface ScopeChoice {
  scope: string;
  label: string;
}

/**
 * Create API key: a name, a lifetime and scopes; once created, the dialog shows the key this
 * one time instead of the form. Its content unmounts on close, so reopening starts afresh.
 */
export function CreateApiKeyDialog({
  teamId,
  scopes,
  expiryChoices,
  defaultExpiry,
}: {
  teamId: string;
  scopes: ScopeChoice[];
  expiryChoices: readonly number[];
  defaultExpiry: number;
}) {
  const t = useTranslations("settings.apiKeys.create");
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <button type="button" className={buttonClass} onClick={() => setOpen(true)}>
        {t("open")}
      </button>
      <Dialog title={t("title")} open={open} onClose={close}>
        <CreateApiKeyForm
          teamId={teamId}
          scopes={scopes}
          expiryChoices={expiryChoices}
          defaultExpiry={defaultExpiry}
          onClose={close}
        />
      </Dialog>
    </>
  );
}

function CreateApiKeyForm({
  teamId,
  scopes,
  expiryChoices,
  defaultExpiry,
  onClose,
}: {
  teamId: string;
  scopes: ScopeChoice[];
  expiryChoices: readonly number[];
  defaultExpiry: number;
  onClose: () => void;
}) {
  const t = useTranslations("settings.apiKeys.create");
  const [state, run, pending] = useFormAction(createApiKeyAction);
  if (state.status === "done") return <NewApiKeySecret {...state.value} onClose={onClose} />;
  return (
    <ActionForm state={state} pending={pending} action={run} keepFields className="space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <Field name="name" label={t("name")} hint={t("nameHint")} required maxLength={100} autoComplete="off" />
      <SelectField name="expiresInDays" label={t("expires")} hint={t("expiresHint")} defaultValue={defaultExpiry}>
        {expiryChoices.map((days) => (
          <option key={days} value={days}>
            {t("days", { days })}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("scopes")}</legend>
        <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">{t("scopesHint")}</p>
        <div className="flex flex-col gap-1.5">
          {scopes.map(({ scope, label }) => (
            <Checkbox key={scope} name="scopes" value={scope} label={`${label} (${scope})`} />
          ))}
        </div>
      </fieldset>
      <FormStatus />
      <div className="flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          {t("cancel")}
        </button>
        <SubmitButton className={buttonClass} busy={t("creating")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
