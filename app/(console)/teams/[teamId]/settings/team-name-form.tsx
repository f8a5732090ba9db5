"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { renameTeamAction } from "./actions";

export function TeamNameForm({ teamId, name }: { teamId: string; name: string }) {
  const t = useTranslations("team.rename");
  const [state, action, pending] = useFormAction(renameTeamAction);
  return (
    <ActionForm
      state={state}
      pending={pending}
      action={action}
      keepFields
      aria-label={t("card")}
      className="max-w-lg space-y-4"
    >
      <input type="hidden" name="teamId" value={teamId} />
      <Field key={name} name="name" label={t("name")} defaultValue={name} maxLength={100} required />
      <FormStatus />
      <SubmitButton className={buttonClass} busy={t("saving")}>
        {t("save")}
      </SubmitButton>
    </ActionForm>
  );
}
