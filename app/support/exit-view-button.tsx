"use client";

import { useTranslations } from "next-intl";
import { FormStatus, useFormAction } from "@/app/_components/form-status";
import { exitReadOnlyViewAction } from "./actions";

/** Ends the read-only view and goes back to the staff console. */
export function ExitViewButton({ className }: { className: string }) {
  const t = useTranslations("support");
  const [state, action, pending] = useFormAction(exitReadOnlyViewAction);
  return (
    <form action={action} className="space-y-2">
      <button type="submit" className={className} disabled={pending}>
        {t("exit")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
