"use client";

import { type ComponentProps, type FormEvent, startTransition } from "react";
import { ActionForm, FormStatus, SubmitButton } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import type { FormState } from "@/app/_lib/form-state";

export const panelClass = "space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800";

/**
 * A panel of the owner's controls as a form: its fields, what became of it, and its two buttons.
 * It submits without React's reset afterwards, so what the owner typed stays in the fields
 * beside the preview or the refusal.
 */
export function PanelForm({
  state,
  pending,
  dispatch,
  submit,
  submitClass = buttonClass,
  close,
  onClose,
  children,
  ...form
}: {
  state: FormState<unknown>;
  pending: boolean;
  dispatch: (form: FormData) => void;
  submit: string;
  submitClass?: string;
  close: string;
  onClose: () => void;
} & Omit<ComponentProps<"form">, "onSubmit">) {
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return (
    <ActionForm state={state} pending={pending} className={panelClass} onSubmit={send} {...form}>
      {children}
      <FormStatus />
      <div className="flex gap-2">
        <SubmitButton className={submitClass}>{submit}</SubmitButton>
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          {close}
        </button>
      </div>
    </ActionForm>
  );
}
