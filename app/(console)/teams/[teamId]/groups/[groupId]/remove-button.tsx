"use client";

import { useState, useTransition } from "react";
import { ErrorMessage } from "@/app/_components/dialog";
import { removeFromGroupAction } from "../actions";

export function RemoveFromGroupButton({
  teamId,
  groupId,
  membershipId,
  email,
}: {
  teamId: string;
  groupId: string;
  membershipId: string;
  email: string;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center justify-end gap-2">
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <button
        type="button"
        disabled={pending}
        aria-label={`Remove ${email} from the group`}
        onClick={() =>
          startTransition(async () => {
            const result = await removeFromGroupAction(teamId, groupId, membershipId);
            setError(result.ok ? null : result.error);
          })
        }
        className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Remove
      </button>
    </div>
  );
}
