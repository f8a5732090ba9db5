"use client";

import {
  type ComponentProps,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
  useState,
} from "react";
import { useFieldError } from "./form-status";
import { inputClass } from "./ui";

interface LabelProps {
  label: string;
  hint?: ReactNode;
}

/** A control with its label above (the control's accessible name) and its hint below. */
function Labelled({ label, hint, id, children }: LabelProps & { id: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The props of a labelled control: its id (made up unless given), and its own problem after a
 * refused submit, found by its name; the message itself is in the form's alert.
 */
function useControl({ id, name, className = "" }: { id?: string; name?: string; className?: string }, hint: ReactNode) {
  const madeUp = useId();
  const controlId = id ?? madeUp;
  const { error, refusalId } = useFieldError(name);
  return {
    id: controlId,
    className: `${inputClass} ${className} ${error ? "border-red-600 dark:border-red-400" : ""}`,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [error && refusalId, hint && `${controlId}-hint`].filter(Boolean).join(" ") || undefined,
  };
}

export function Field({ label, hint, ...input }: LabelProps & InputHTMLAttributes<HTMLInputElement>) {
  const control = useControl(input, hint);
  return (
    <Labelled label={label} hint={hint} id={control.id}>
      <input {...input} {...control} />
    </Labelled>
  );
}

/** A field that keeps what was typed when React empties its form after a refused submit. */
export function KeptField({ defaultValue, ...field }: ComponentProps<typeof Field>) {
  const [value, setValue] = useState(String(defaultValue ?? ""));
  return <Field {...field} value={value} onChange={(event) => setValue(event.target.value)} />;
}

export function SelectField({ label, hint, ...select }: LabelProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const control = useControl(select, hint);
  return (
    <Labelled label={label} hint={hint} id={control.id}>
      <select {...select} {...control} />
    </Labelled>
  );
}

export function TextAreaField({ label, hint, ...area }: LabelProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const control = useControl(area, hint);
  return (
    <Labelled label={label} hint={hint} id={control.id}>
      <textarea {...area} {...control} />
    </Labelled>
  );
}

/** A choice to tick, with its label beside it. */
export function Checkbox({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" className="h-4 w-4 rounded border-slate-300 dark:border-slate-600" {...input} />
      {label}
    </label>
  );
}
