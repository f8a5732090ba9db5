"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { IDLE } from "@/app/_lib/form-state";
import { acceptInvitationAction } from "./actions";

export function JoinButton({ token, teamName }: { token: string; teamName: string }) {
  const t = useTranslations("auth.invitation");
  const [state, action, pending] = useActionState(acceptInvitationAction.bind(null, token), IDLE);
  return (
    <form action={action} className="space-y-3">
      <FormStatus state={state} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {t("join", { team: teamName })}
      </button>
    </form>
  );
}
