"use client";

import { type ComponentProps, type ReactNode, useEffect, useId, useRef, useState } from "react";
import type { FormState } from "@/app/_lib/form-state";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "./form-status";
import { buttonClass, secondaryButtonClass } from "./ui";

/**
 * A modal built on <dialog>: the browser traps focus and closes it on Escape; closing returns
 * focus to whatever opened it; the title names it for screen readers.
 */
export function Dialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // The browser returns focus only when the opener still holds it; a menu item that opened it is gone.
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {open ? (
        <div className="p-6">
          <h2 id={titleId} className="mb-4 text-lg font-semibold">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

/** A button that opens a dialog with a form: its fields, what became of it, and its buttons to close and to submit. */
export function FormDialog<Value>({
  title,
  opener,
  openerName,
  openerClass,
  action,
  submit,
  busy,
  close,
  children,
  ...form
}: {
  title: string;
  opener: string;
  /** The opener's accessible name, where its label alone would not say what it acts on. */
  openerName?: string;
  openerClass: string;
  action: (previous: FormState<Value>, form: FormData) => Promise<FormState<Value>>;
  submit: string;
  busy?: string;
  close: string;
} & Omit<ComponentProps<"form">, "action">) {
  const [open, setOpen] = useState(false);
  const [state, run, pending] = useFormAction(action);
  return (
    <>
      <button type="button" className={openerClass} aria-label={openerName} onClick={() => setOpen(true)}>
        {opener}
      </button>
      <Dialog title={title} open={open} onClose={() => setOpen(false)}>
        <ActionForm state={state} pending={pending} action={run} className="space-y-4" {...form}>
          {children}
          <FormStatus />
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
              {close}
            </button>
            <SubmitButton className={buttonClass} busy={busy}>
              {submit}
            </SubmitButton>
          </div>
        </ActionForm>
      </Dialog>
    </>
  );
}
