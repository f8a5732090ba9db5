"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { buttonClass, inputClass } from "@/app/_components/ui";
import { grantSupportAccessAction } from "./support-access-actions";

const FORM_ID = "grant-support";
const DURATIONS_IN_HOURS = [1, 4, 24, 72, 168];

export function GrantSupportForm({ teamId }: { teamId: string }) {
  const t = useTranslations("settings.supportAccess");
  const [state, action, pending] = useFormAction(grantSupportAccessAction);
  return (
    <form action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <div>
        <label htmlFor="support-hours" className="mb-1 block text-sm font-medium">
          {t("duration")}
        </label>
        <select id="support-hours" name="hours" defaultValue={24} className={inputClass}>
          {DURATIONS_IN_HOURS.map((hours) => (
            <option key={hours} value={hours}>
              {hours < 24 ? t("hours", { hours }) : t("days", { days: hours / 24 })}
            </option>
          ))}
        </select>
      </div>
      <Field
        id="support-note"
        name="note"
        label={t("note")}
        hint={t("noteHint")}
        maxLength={500}
        error={fieldError(state, "note")}
        errorId={refusalId(FORM_ID)}
      />
      <FormStatus state={state} id={refusalId(FORM_ID)} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {t("grant")}
      </button>
    </form>
  );
}
