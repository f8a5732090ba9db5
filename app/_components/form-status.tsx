"use client";

import { useTranslations } from "next-intl";
import {
  type ComponentProps,
  createContext,
  type FormEvent,
  type ReactNode,
  startTransition,
  use,
  useActionState,
  useId,
} from "react";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import { Alert, Notice } from "./alert";

/** useActionState for a `formAction`, starting idle: [state, action, pending]. */
export function useFormAction<Value>(
  action: (previous: FormState<Value>, form: FormData) => Promise<FormState<Value>>,
) {
  return useActionState<FormState<Value>, FormData>(action, IDLE);
}

const FormContext = createContext<{ state: FormState<unknown>; pending: boolean; refusalId?: string }>({
  state: IDLE,
  pending: false,
});

/**
 * A form that hands its state to what is inside: each field finds its own problem by its name
 * and points at the refusal, `FormStatus` shows it and `SubmitButton` waits while it runs.
 */
export function ActionForm({
  state,
  pending,
  action,
  keepFields = false,
  ...form
}: {
  state: FormState<unknown>;
  pending: boolean;
  action: (form: FormData) => void;
  /** Submit without React emptying the form afterwards, so what was typed stays beside the answer. */
  keepFields?: boolean;
} & Omit<ComponentProps<"form">, "action">) {
  const refusalId = useId();
  const submitKeepingFields = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  };
  return (
    <FormContext value={{ state, pending, refusalId }}>
      <form {...form} {...(keepFields ? { onSubmit: submitKeepingFields } : { action })} />
    </FormContext>
  );
}

/** The problem with one field of the surrounding form, if any, and the id of the refusal that says it. */
export function useFieldError(name?: string): { error?: string; refusalId?: string } {
  const { state, refusalId } = use(FormContext);
  const error = state.status === "refused" && name ? state.fieldErrors[name] : undefined;
  return { error, refusalId };
}

/** The surrounding form's submit button, disabled while it runs; `busy` is its label meanwhile, if it has one. */
export function SubmitButton({ busy, children, ...button }: { busy?: string } & ComponentProps<"button">) {
  const { pending } = use(FormContext);
  return (
    <button type="submit" disabled={pending} {...button}>
      {pending && busy ? busy : children}
    </button>
  );
}

/**
 * What happened to a form: its refusal (with the request id to quote) or its notice. Every
 * form renders one, so no refusal is ever lost. Inside an `ActionForm` it shows that form's state.
 */
export function FormStatus({ state: own, id }: { state?: FormState<unknown>; id?: string }) {
  const t = useTranslations("common");
  const form = use(FormContext);
  const state = own ?? form.state;
  if (state.status === "refused") {
    return (
      <div>
        <Alert id={own ? id : form.refusalId}>{state.message}</Alert>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {t("requestId", { requestId: state.requestId })}
        </p>
      </div>
    );
  }
  if (state.status === "done" && state.notice) return <Notice>{state.notice}</Notice>;
  return null;
}

/**
 * The common form, run by one action: its fields, what became of it, and one submit button
 * (`busy` is that button's label while it runs). With `whenDone`, a done form gives way to its
 * notice alone, or to what its value shows.
 */
export function SubmitForm<Value>({
  action,
  submit,
  busy,
  submitClass,
  whenDone,
  children,
  ...form
}: {
  action: (previous: FormState<Value>, form: FormData) => Promise<FormState<Value>>;
  submit: string;
  busy?: string;
  submitClass: string;
  whenDone?: "notice" | ((value: Value) => ReactNode);
} & Omit<ComponentProps<typeof ActionForm>, "state" | "pending" | "action">) {
  const [state, run, pending] = useFormAction(action);
  if (whenDone && state.status === "done") {
    return whenDone === "notice" ? <FormStatus state={state} /> : whenDone(state.value);
  }
  return (
    <ActionForm state={state} pending={pending} action={run} {...form}>
      {children}
      <FormStatus />
      <SubmitButton className={submitClass} busy={busy}>
        {submit}
      </SubmitButton>
    </ActionForm>
  );
}
