"use client";

import { useState, useTransition } from "react";
import { ErrorMessage, SuccessMessage } from "@/app/_components/dialog";
import type { ActionResult } from "@/app/_lib/action-result";
import { invitationAction } from "./actions";

const small =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800";

export function InvitationButtons({
  teamId,
  invitationId,
  email,
}: {
  teamId: string;
  invitationId: string;
  email: string;
}) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<string> | null>(null);
  const run = (action: "resend" | "revoke") =>
    startTransition(async () => setResult(await invitationAction(teamId, invitationId, action)));
  return (
    <div className="flex items-center justify-end gap-2">
      {result ? (
        result.ok ? (
          <SuccessMessage>{result.value}</SuccessMessage>
        ) : (
          <ErrorMessage>{result.error}</ErrorMessage>
        )
      ) : null}
      <button
        type="button"
        className={small}
        disabled={pending}
        onClick={() => run("resend")}
        aria-label={`Resend invitation to ${email}`}
      >
        Resend
      </button>
      <button
        type="button"
        className={`${small} text-red-700 dark:text-red-400`}
        disabled={pending}
        onClick={() => run("revoke")}
        aria-label={`Revoke invitation to ${email}`}
      >
        Revoke
      </button>
    </div>
  );
}
