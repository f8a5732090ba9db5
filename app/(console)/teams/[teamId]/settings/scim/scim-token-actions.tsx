"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { Dialog, FormDialog } from "@/app/_components/dialog";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { generateScimTokenAction, revokeScimTokenAction } from "./actions";

/**
 * Generate (confirmed first when a token exists, since the old one stops working at once) and
 * Revoke. A new token's secret shows here once, to copy into the identity provider.
 */
export function ScimTokenActions({ teamId, hasToken }: { teamId: string; hasToken: boolean }) {
  const t = useTranslations("scim");
  const [state, run, pending] = useFormAction(generateScimTokenAction);
  const [confirming, setConfirming] = useState(false);
  const generated = state.status === "done" ? state.value : null;
  const generateForm = (
    <ActionForm state={state} pending={pending} action={run} className="space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      {hasToken ? <p className="text-sm">{t("generate.replaceWarning")}</p> : null}
      <FormStatus />
      <div className="flex justify-end gap-2">
        {hasToken ? (
          <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
            {t("generate.cancel")}
          </button>
        ) : null}
        <SubmitButton className={buttonClass} busy={t("generate.busy")}>
          {hasToken ? t("generate.confirm") : t("generate.submit")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
  return (
    <div className="space-y-4">
      {generated ? (
        <div className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950/40">
          <CopyField label={t("generate.secretLabel")} value={generated.secret} />
          <p className="text-sm">{t("generate.shownOnce")}</p>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {hasToken ? (
          <>
            <button type="button" className={buttonClass} onClick={() => setConfirming(true)}>
              {t("generate.submit")}
            </button>
            <Dialog
              title={t("generate.replaceTitle")}
              open={confirming && !generated}
              onClose={() => setConfirming(false)}
            >
              {generateForm}
            </Dialog>
            <FormDialog
              title={t("revoke.title")}
              opener={t("revoke.open")}
              openerClass={`${secondaryButtonClass} text-red-700 dark:text-red-400`}
              action={revokeScimTokenAction}
              submit={t("revoke.submit")}
              close={t("revoke.cancel")}
            >
              <input type="hidden" name="teamId" value={teamId} />
              <p className="text-sm">{t("revoke.explained")}</p>
            </FormDialog>
          </>
        ) : (
          generateForm
        )}
      </div>
    </div>
  );
}
