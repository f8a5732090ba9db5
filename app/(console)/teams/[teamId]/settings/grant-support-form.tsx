"use client";

import { useActionState } from "react";
import { Field, FormError } from "@/app/_components/form-parts";
import { buttonClass, inputClass } from "@/app/_components/ui";
import type { ActionResult } from "@/app/_lib/action-result";
import { grantSupportAccessAction } from "./support-access-actions";

const DURATIONS = [
  [1, "1 hour"],
  [4, "4 hours"],
  [24, "1 day"],
  [72, "3 days"],
  [168, "7 days"],
] as const;

export function GrantSupportForm({ teamId }: { teamId: string }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(grantSupportAccessAction, null);
  return (
    <form action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <div>
        <label htmlFor="support-hours" className="mb-1 block text-sm font-medium">
          Duration
        </label>
        <select id="support-hours" name="hours" defaultValue={24} className={inputClass}>
          {DURATIONS.map(([hours, label]) => (
            <option key={hours} value={hours}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Field
        id="support-note"
        name="note"
        label="Note"
        hint="Optional: a ticket number or what support should look at."
        maxLength={500}
      />
      {state && !state.ok ? <FormError message={state.error} /> : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        Grant support access
      </button>
    </form>
  );
}
