"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormStatus } from "@/app/_components/form-status";
import { smallButtonClass } from "@/app/_components/ui";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import { invitationAction } from "./actions";

export function InvitationButtons({
  teamId,
  invitationId,
  email,
}: {
  teamId: string;
  invitationId: string;
  email: string;
}) {
  const t = useTranslations("users.invitations");
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<FormState>(IDLE);
  const run = (action: "resend" | "revoke") =>
    startTransition(async () => setState(await invitationAction(teamId, invitationId, action)));
  return (
    <div className="flex items-center justify-end gap-2">
      <FormStatus state={state} />
      <button
        type="button"
        className={smallButtonClass}
        disabled={pending}
        onClick={() => run("resend")}
        aria-label={t("resendLabel", { email })}
      >
        {t("resend")}
      </button>
      <button
        type="button"
        className={`${smallButtonClass} text-red-700 dark:text-red-400`}
        disabled={pending}
        onClick={() => run("revoke")}
        aria-label={t("revokeLabel", { email })}
      >
        {t("revoke")}
      </button>
    </div>
  );
}
