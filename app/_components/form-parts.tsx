import type { InputHTMLAttributes, ReactNode } from "react";
import { inputClass } from "./ui";

/** A labelled input; the label is the field's accessible name. */
export function Field({
  label,
  hint,
  id,
  error,
  errorId,
  ...input
}: {
  label: string;
  hint?: ReactNode;
  id: string;
  /** The field's problem after a refused submit; the message itself is in the form's alert, `errorId`. */
  error?: string;
  errorId?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [error && errorId, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        className={`${inputClass} ${error ? "border-red-600 dark:border-red-400" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A button that navigates, for actions the design names as buttons ("Create account"). */
export function NavigateButton({
  to,
  params,
  children,
  className,
}: {
  to: string;
  params?: Record<string, string | undefined>;
  children: ReactNode;
  className: string;
}) {
  return (
    <form action={to} method="get">
      {Object.entries(params ?? {}).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <button type="submit" className={className}>
        {children}
      </button>
    </form>
  );
}
