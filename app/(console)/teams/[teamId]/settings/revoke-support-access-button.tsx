"use client";

import { useTranslations } from "next-intl";
import { FormStatus, useFormAction } from "@/app/_components/form-status";
import { secondaryButtonClass } from "@/app/_components/ui";
import { revokeSupportAccessAction } from "./support-access-actions";

export function RevokeSupportAccessButton({ teamId, grantId }: { teamId: string; grantId: string }) {
  const t = useTranslations("settings.supportAccess");
  const [state, action, pending] = useFormAction(revokeSupportAccessAction);
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="grantId" value={grantId} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {t("revoke")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
