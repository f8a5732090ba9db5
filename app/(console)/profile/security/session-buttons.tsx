"use client";

import { useTranslations } from "next-intl";
import { FormStatus, useFormAction } from "@/app/_components/form-status";
import { secondaryButtonClass } from "@/app/_components/ui";
import { endOtherSessionsAction, endSessionAction } from "./actions";

/** Ends one of the account's other sessions; a refusal shows beside the button. */
export function EndSessionButton({ sessionId, name }: { sessionId: string; name: string }) {
  const t = useTranslations("profile.security.sessions");
  const [state, action, pending] = useFormAction(endSessionAction);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <button
        type="submit"
        className="text-sm text-blue-700 underline dark:text-blue-400"
        aria-label={name}
        disabled={pending}
      >
        {t("end")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function EndOtherSessionsButton() {
  const t = useTranslations("profile.security.sessions");
  const [state, action, pending] = useFormAction(endOtherSessionsAction);
  return (
    <form action={action} className="mt-4 space-y-2">
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {t("endOthers")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
