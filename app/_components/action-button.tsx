"use client";

import type { FormState } from "@/app/_lib/form-state";
import { FormStatus, useFormAction } from "./form-status";

/** A button that runs an action on the given fields, with what became of it beneath. */
export function ActionButton<Value>({
  action,
  fields = {},
  label,
  name,
  className,
  formClass = "space-y-2",
}: {
  action: (previous: FormState<Value>, form: FormData) => Promise<FormState<Value>>;
  fields?: Record<string, string>;
  label: string;
  /** The button's accessible name, where its label alone would not say what it acts on. */
  name?: string;
  className: string;
  formClass?: string;
}) {
  const [state, run, pending] = useFormAction(action);
  return (
    <form action={run} className={formClass}>
      {Object.entries(fields).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
      <button type="submit" className={className} aria-label={name} disabled={pending}>
        {label}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
