"use client";

import { useActionState } from "react";
import { Field, FormError } from "@/app/_components/form-parts";
import { buttonClass } from "@/app/_components/ui";
import { type OpenViewState, openReadOnlyViewAction } from "./actions";

export function OpenViewForm({
  teamId,
  teamName,
  granted,
  mayBreakGlass,
}: {
  teamId: string;
  teamName: string;
  granted: boolean;
  mayBreakGlass: boolean;
}) {
  const [state, action, pending] = useActionState<OpenViewState, FormData>(openReadOnlyViewAction, {});
  return (
    <form action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <Field
        id="reason"
        name="reason"
        label="Reason"
        required
        hint={
          granted
            ? `Ticket reference or why you open ${teamName}. The team sees it in its audit log.`
            : "Without a grant, only a support admin may open the team, with a written reason; the owner is mailed at once."
        }
      />
      {!granted && mayBreakGlass ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="breakGlass" className="h-4 w-4" />
          Open without the team's consent (break glass)
        </label>
      ) : null}
      <FormError message={state.error} />
      <button type="submit" className={buttonClass} disabled={pending}>
        Open read-only view
      </button>
    </form>
  );
}
