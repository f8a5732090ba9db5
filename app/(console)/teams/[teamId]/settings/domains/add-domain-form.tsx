"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { SubmitForm } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { addDomainAction } from "./actions";

export function AddDomainForm({ teamId }: { teamId: string }) {
  const t = useTranslations("domains.add");
  return (
    <SubmitForm action={addDomainAction} submit={t("submit")} submitClass={buttonClass} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <Field
        name="domain"
        label={t("domain")}
        hint={t("hint")}
        required
        maxLength={253}
        autoComplete="off"
        spellCheck={false}
      />
    </SubmitForm>
  );
}
