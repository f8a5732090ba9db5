"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { addDomainAction } from "./actions";

const FORM_ID = "add-domain";

export function AddDomainForm({ teamId }: { teamId: string }) {
  const t = useTranslations("domains.add");
  const [state, action, pending] = useFormAction(addDomainAction);
  return (
    <form action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <Field
        id="domain"
        name="domain"
        label={t("domain")}
        hint={t("hint")}
        required
        maxLength={253}
        autoComplete="off"
        spellCheck={false}
        error={fieldError(state, "domain")}
        errorId={refusalId(FORM_ID)}
      />
      <FormStatus state={state} id={refusalId(FORM_ID)} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
