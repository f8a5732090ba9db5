"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { openReadOnlyViewAction } from "./actions";

const FORM_ID = "open-view";

export function OpenViewForm({
  teamId,
  teamName,
  granted,
  mayBreakGlass,
}: {
  teamId: string;
  teamName: string;
  granted: boolean;
  mayBreakGlass: boolean;
}) {
  const t = useTranslations("support.open");
  const [state, action, pending] = useFormAction(openReadOnlyViewAction);
  return (
    <form action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <Field
        id="reason"
        name="reason"
        label={t("reason")}
        required
        hint={granted ? t("reasonHintGranted", { team: teamName }) : t("reasonHintNotGranted")}
        error={fieldError(state, "reason")}
        errorId={refusalId(FORM_ID)}
      />
      {!granted && mayBreakGlass ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="breakGlass" className="h-4 w-4" />
          {t("breakGlass")}
        </label>
      ) : null}
      <FormStatus state={state} id={refusalId(FORM_ID)} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
