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
      {(["resend", "revoke"] as const).map((action) => (
        <button
          key={action}
          type="button"
          className={action === "revoke" ? `${smallButtonClass} text-red-700 dark:text-red-400` : smallButtonClass}
          disabled={pending}
          onClick={() => run(action)}
          aria-label={t(`${action}Label`, { email })}
        >
          {t(action)}
        </button>
      ))}
    </div>
  );
}
