"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert } from "@/app/_components/alert";
import { FormStatus, useFormAction } from "@/app/_components/form-status";
import { secondaryButtonClass } from "@/app/_components/ui";
import { verifyIntegrityAction } from "./actions";

/** The page's actions: Verify integrity, which says what it found below, and the given others. */
export function VerifyIntegrityToolbar({ teamId, children }: { teamId: string; children?: ReactNode }) {
  const t = useTranslations("audit");
  const [state, action, pending] = useFormAction(verifyIntegrityAction);
  const broken = state.status === "done" && !state.value.intact;
  return (
    <div className="mb-4 space-y-3">
      <div className="flex flex-wrap gap-2">
        <form action={action}>
          <input type="hidden" name="teamId" value={teamId} />
          <button type="submit" disabled={pending} className={secondaryButtonClass}>
            {pending ? t("verifying") : t("verify")}
          </button>
        </form>
        {children}
      </div>
      {broken ? <Alert>{state.notice}</Alert> : <FormStatus state={state} />}
    </div>
  );
}
