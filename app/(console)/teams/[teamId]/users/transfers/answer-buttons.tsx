"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormStatus } from "@/app/_components/form-status";
import { smallButtonClass } from "@/app/_components/ui";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import { answerTransferAction } from "./actions";

/** Allow and Deny for one request; once answered, what became of it takes their place. */
export function AnswerButtons({ teamId, transferId }: { teamId: string; transferId: string }) {
  const t = useTranslations("accountTransfers.requests");
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<FormState>(IDLE);
  const answer = (value: "allow" | "deny") =>
    startTransition(async () => setState(await answerTransferAction(teamId, transferId, value)));
  if (state.status === "done") return <FormStatus state={state} />;
  return (
    <div className="flex items-center justify-end gap-2">
      <FormStatus state={state} />
      <button type="button" className={smallButtonClass} disabled={pending} onClick={() => answer("allow")}>
        {t("allow")}
      </button>
      <button
        type="button"
        className={`${smallButtonClass} text-red-700 dark:text-red-400`}
        disabled={pending}
        onClick={() => answer("deny")}
      >
        {t("deny")}
      </button>
    </div>
  );
}
