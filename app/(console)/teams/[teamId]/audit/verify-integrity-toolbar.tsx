"use client";

import { type ReactNode, useState, useTransition } from "react";
import { secondaryButtonClass } from "@/app/_components/ui";
import type { ActionResult } from "@/app/_lib/action-result";
import { type IntegrityVerdict, verifyIntegrityAction } from "./actions";

/** The page's actions: Verify integrity, which says what it found below, and the given others. */
export function VerifyIntegrityToolbar({ teamId, children }: { teamId: string; children?: ReactNode }) {
  const [outcome, setOutcome] = useState<ActionResult<IntegrityVerdict> | null>(null);
  const [pending, startTransition] = useTransition();
  const verify = () => startTransition(async () => setOutcome(await verifyIntegrityAction(teamId)));
  const failed = outcome && (!outcome.ok || !outcome.value.intact);
  return (
    <div className="mb-4 space-y-3">
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={verify} disabled={pending} className={secondaryButtonClass}>
          {pending ? "Verifying…" : "Verify integrity"}
        </button>
        {children}
      </div>
      <p
        role="status"
        className={
          !outcome
            ? "sr-only"
            : failed
              ? "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
              : "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        }
      >
        {outcome ? (outcome.ok ? outcome.value.message : outcome.error) : ""}
      </p>
    </div>
  );
}
