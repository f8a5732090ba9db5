"use client";

import { useTranslations } from "next-intl";
import { Field, SelectField } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { secondaryButtonClass } from "@/app/_components/ui";
import { requestTransferAction } from "./transfer-actions";

/**
 * The request form. It stays mounted while the page reloads with the new request, so what the
 * sending did (sent, or moved at once) is still read out after the form gives way to the request.
 */
export function TransferRequestForm({
  open,
  sources,
}: {
  /** False while a request waits: one at a time. */
  open: boolean;
  sources: Array<{ teamId: string; name: string; managesMe: boolean }>;
}) {
  const t = useTranslations("accountTransfers.profile");
  const [state, action, pending] = useFormAction(requestTransferAction);
  if (!open) return <FormStatus state={state} />;
  // Once the waiting request ended (cancelled, answered), "sent" is old news.
  const stale = state.status === "done" && state.value === "pending";
  if (sources.length === 0) {
    return <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">{t("noTeams")}</p>;
  }
  return (
    <ActionForm
      state={state}
      pending={pending}
      action={action}
      keepFields
      noValidate
      aria-label={t("title")}
      className="max-w-md space-y-4"
    >
      {sources.length > 1 ? (
        <SelectField name="fromTeamId" label={t("from")} defaultValue={sources[0]!.teamId}>
          {sources.map((team) => (
            <option key={team.teamId} value={team.teamId}>
              {team.managesMe ? t("managesYou", { team: team.name }) : team.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <input type="hidden" name="fromTeamId" value={sources[0]!.teamId} />
      )}
      <Field name="toTeamId" label={t("teamId")} autoComplete="off" spellCheck={false} hint={t("teamIdHint")} />
      {stale ? null : <FormStatus />}
      <SubmitButton className={secondaryButtonClass} busy={t("sending")}>
        {t("send")}
      </SubmitButton>
    </ActionForm>
  );
}
