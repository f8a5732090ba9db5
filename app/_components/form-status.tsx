"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import { Alert, Notice } from "./alert";

/** useActionState for a `formAction`, starting idle: [state, action, pending]. */
export function useFormAction<Value>(
  action: (previous: FormState<Value>, form: FormData) => Promise<FormState<Value>>,
) {
  return useActionState<FormState<Value>, FormData>(action, IDLE);
}

/** The id of a form's refusal, which invalid fields point at with aria-describedby. */
export function refusalId(formId: string): string {
  return `${formId}-refusal`;
}

/** The problem with one field of a refused form, if any. */
export function fieldError(state: FormState<unknown>, field: string): string | undefined {
  return state.status === "refused" ? state.fieldErrors[field] : undefined;
}

/**
 * What happened to a form: its refusal (with the request id to quote) or its notice. Every
 * form renders one, so no refusal is ever lost.
 */
export function FormStatus({ state, id }: { state: FormState<unknown>; id?: string }) {
  const t = useTranslations("common");
  if (state.status === "refused") {
    return (
      <div>
        <Alert id={id}>{state.message}</Alert>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {t("requestId", { requestId: state.requestId })}
        </p>
      </div>
    );
  }
  if (state.status === "done" && state.notice) return <Notice>{state.notice}</Notice>;
  return null;
}
